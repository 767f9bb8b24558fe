// The decision paper's own wording, in the form templates/paper.md takes, so
// an officer's section and the default go through the same placeholders.
// Modelled on a partnership board paper (seed 003), not copied from it.
// One line per paragraph: the text is written as it stands, soft line breaks included.
export const DEFAULT_PAPER_MD = `## Purpose

This paper asks the {board} to decide whether the {partnership} should send a collective response to the consultation “{consultation}” from the {publisher} and, if it should, to agree how that response will be prepared.

## Background

The {publisher} published “{consultation}” on {published}. Responses are due by {closes}.

The consultation asks {questions} questions, under these headings (Annex A lists every question):

{sections}

## Process

The questions cover a wide field. Partners may not all wish to answer every question, and may see some issues differently. It is therefore proposed that the collective response of the {partnership} holds only what every partner is content to endorse. Any partner remains free to send its own comments to the {publisher}.

Partners are invited to send their views on the questions they wish to answer to {views_to} by {views_by}.

Officers will then circulate a draft composite response to every partner, asking each to say by {objections_by} which sections, if any, it cannot endorse. Those sections will be taken out of the final response; their authors may send them to the {publisher} separately, with any comments of their own.

The final response will be submitted to the {publisher} by {submission_by}.

## Recommendation

The {board} is invited to:

1. decide whether to submit a collective response to the consultation on behalf of the {partnership}; and
2. if it does, agree the process set out in section 3 as the way the response will be prepared.`;
