// The glossary `lsp-respond init` writes to glossary.yaml: the terms of the
// glossary in the Local Strategic Partnership guide of seed 002, defined in
// our own words (shorter than the guide's). A constant, so the bundled CLI can
// write it from anywhere; the web addresses are the guide's, of 2005.
export const DEFAULT_GLOSSARY_YAML = `# Terms explained at the end of the draft and of the response: each document
# lists the terms it uses, in the order the reader meets them. An acronym of two
# or more capitals that an answer uses is either spelled out at its first use,
# e.g. "Local Area Agreement (LAA)", or defined here; list under ignore the ones
# every reader knows. Each term: term, definition, and optionally acronym, url.
terms:
  - term: Area Investment Framework
    acronym: AIF
    definition: A five- to ten-year framework, set out by the South East England Development Agency, in which the agencies working in an area, across several local authorities where that helps, plan their investment together to meet its economic and social needs.
  - term: Community Legal Service Partnership
    acronym: CLSP
    definition: A local partnership of the Legal Services Commission, local authorities and other funders and providers that organises the area's network of legal help and advice.
    url: http://www.legalservices.gov.uk
  - term: Community Planning
    definition: A local authority and its partners planning together how to provide for, and promote, the well-being of their communities.
  - term: Government Offices
    definition: The regional offices of central government, which work with local organisations to carry its programmes into the regions and localities.
  - term: Life Long Learning
    definition: Learning and the development of skills throughout a person's life, for work and for the quality of life.
    url: http://www.lifelonglearning.co.uk
  - term: Local Area Agreement
    acronym: LAA
    definition: An agreement between central government and a local authority with its partners that brings funding streams together into one framework for agreed local priorities, in blocks such as children and young people, safer and stronger communities, and healthier communities and older people.
  - term: Local Development Framework
    acronym: LDF
    definition: The set of local planning policy documents that replaces the local plan and the county structure plan, shaping development in the area for about ten years and informed by the Community Strategy.
  - term: Local Public Service Agreement
    acronym: LPSA
    definition: A voluntary agreement between a council and the Office of the Deputy Prime Minister on stretching targets for local services; LPSAs are now part of the Local Area Agreement.
  - term: Local Strategic Partnership
    acronym: LSP
    definition: A single, non-statutory partnership whose area matches the local authority's, bringing together the public, private, voluntary and community sectors to plan and co-ordinate their work for that area.
  - term: Office of the Deputy Prime Minister
    acronym: ODPM
    definition: The government department responsible for local government policy; it published this consultation.
    url: http://www.odpm.gov.uk
  - term: Quality of Life Indicators
    definition: A voluntary set of measures, recommended by the Audit Commission, with which local authorities and their partners follow the economic, social and environmental well-being of their area.
    url: http://www.audit-commission.gov.uk
  - term: Registered Social Landlord
    acronym: RSL
    definition: A landlord of social housing registered with the Housing Corporation, most often a housing association.
  - term: Regional Spatial Strategy
    acronym: RSS
    definition: The statutory regional planning policy prepared by the Regional Assembly, with which Local Development Frameworks must conform.
  - term: Social Exclusion
    definition: What happens when people or places suffer from a combination of linked problems, such as unemployment, poor skills, low income, poor housing, crime, ill health and family breakdown.
    url: http://www.socialexclusionunit.gov.uk
  - term: Structure Plan
    definition: A county council's strategic planning policy under the former planning system, now replaced by the Regional Spatial Strategy.
  - term: Supporting People
    definition: A government programme, run by local government with service users and support agencies, that plans and funds housing-related support alongside existing care services.
    url: http://www.spkweb.org.uk
  - term: Sure Start
    definition: A government programme for the health and well-being of young children and their families, bringing together early education, childcare, health and family support.
    url: http://www.surestart.gov.uk
  - term: Sustainable Communities
    definition: The government's Communities Plan of February 2003, a long-term programme on housing supply, planning and public spaces in towns and the countryside.
    url: http://www.odpm.gov.uk
  - term: Sustainable Development
    definition: Development that meets the needs of today without compromising the ability of future generations to meet their own, treating economic, social and environmental questions together.
    url: http://www.sustainable-development.gov.uk
ignore: []
`;
