// What a workspace reads, so that no output directory may lead onto it.
import { CONFIG_FILE } from '../load/config.js';
import { COMPOSITE_FILE } from '../load/workspace.js';
import type { Config, Position } from '../core/model.js';

/** Workspace-relative paths of the inputs: files and the directories that hold them. */
export function inputsOf(config: Config, images: Iterable<string> = []): string[] {
  return [
    CONFIG_FILE,
    config.responses,
    'questions',
    'templates',
    ...(config.questions ? [config.questions] : []),
    COMPOSITE_FILE,
    ...images,
  ];
}

/** Where to point a problem with the output directory: its 'output:' line, else the config file. */
export function outputAt(config: Config): Position {
  return config.at?.output ?? { file: config.file ?? CONFIG_FILE, line: 1, column: 1 };
}
