/**
 * One request for pictures, shaped like an answer (lib/chat/answer-runner.ts): it owns its
 * AbortController and its promise, always ends complete, stopped or failed, and its last state
 * is written before `done` resolves. The pictures are kept in the store before the answer names
 * them, so a reopened conversation never points at a picture that was not saved.
 */
import { batch } from '@preact/signals';
import { ApiError } from '../api/errors';
import {
  type EditRequest,
  type GenerationRequest,
  type ImageResult,
  requestEdit,
  requestGeneration,
} from '../api/images';
import {
  type AnswerOutcome,
  endFailedAnswer,
  type RunningAnswer,
  saveLastState,
} from '../chat/answer-runner';
import type { LiveMessage } from '../chat/live-message';
import type { ImageWork } from '../chat/records';
import { imageText } from '../i18n/messages/images';
import { decodeBase64Picture, fetchPicture, ImageResultProblem } from './image-bytes';

export interface ImageJobDeps {
  loadImage: (id: string) => Promise<Blob | undefined>;
  saveImages: (images: Array<{ id: string; blob: Blob }>) => Promise<void>;
  /** Writes the answer as it stands; rejects with a StorageProblem. */
  save: (answer: LiveMessage) => Promise<void>;
  generate?: (request: GenerationRequest) => Promise<ImageResult[]>;
  edit?: (request: EditRequest) => Promise<ImageResult[]>;
  fetchPicture?: (url: string, limits: { signal: AbortSignal }) => Promise<Blob>;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A picture's problem in the person's words. */
export function problemText(problem: ImageResultProblem, url = ''): string {
  switch (problem.code) {
    case 'too-large':
      return imageText('tooLarge');
    case 'too-slow':
      return imageText('tooSlow');
    case 'not-an-image':
      return imageText('notPicture');
    case 'unreachable':
      return imageText('unreachable', { host: hostOf(url) });
  }
}

/** The pictures of one answer: kept as bytes, or as links where the site would not share them. */
async function collect(
  results: ImageResult[],
  deps: ImageJobDeps,
  signal: AbortSignal,
): Promise<{ pictures: Array<{ id: string; blob: Blob }>; links: string[] }> {
  const download = deps.fetchPicture ?? fetchPicture;
  const pictures: Array<{ id: string; blob: Blob }> = [];
  const links: string[] = [];
  let firstProblem: unknown;
  for (const result of results) {
    try {
      const blob =
        result.kind === 'base64'
          ? decodeBase64Picture(result.data)
          : await download(result.url, { signal });
      pictures.push({ id: crypto.randomUUID(), blob });
    } catch (error) {
      if (signal.aborted) throw error;
      // A site that does not share the picture: its address is shown, with a way to allow it.
      if (
        result.kind === 'url' &&
        error instanceof ImageResultProblem &&
        error.code === 'unreachable'
      )
        links.push(result.url);
      else firstProblem ??= error;
    }
  }
  if (pictures.length === 0 && links.length === 0) throw firstProblem;
  return { pictures, links };
}

export function startImageJob(
  deps: ImageJobDeps,
  question: LiveMessage,
  answer: LiveMessage,
): RunningAnswer {
  const controller = new AbortController();
  const asked = question.imageWork.peek() as ImageWork;
  const prompt = question.text.peek();
  batch(() => {
    answer.status.value = 'streaming';
    answer.error.value = undefined;
    answer.cost.value = undefined;
    answer.model.value = asked.model;
    answer.imageWork.value = { mode: asked.mode, imageIds: [], sourceIds: asked.imageIds };
  });

  async function request(signal: AbortSignal): Promise<ImageResult[]> {
    if (!asked.model) throw new ApiError('model-unavailable', imageText('pickModel'));
    const common = { model: asked.model, prompt, size: asked.size, count: asked.count, signal };
    if (asked.mode === 'generate') return (deps.generate ?? requestGeneration)(common);
    const images: Blob[] = [];
    for (const id of asked.imageIds) {
      const blob = await deps.loadImage(id);
      if (!blob) throw new ApiError('bad-request', imageText('sourceMissing'));
      images.push(blob);
    }
    return (deps.edit ?? requestEdit)({ ...common, images });
  }

  async function run(): Promise<AnswerOutcome> {
    const { signal } = controller;
    try {
      await deps.save(answer);
      const { pictures, links } = await collect(await request(signal), deps, signal);
      if (signal.aborted) throw new DOMException('Stopped', 'AbortError');
      await deps.saveImages(pictures);
      batch(() => {
        answer.imageWork.value = {
          mode: asked.mode,
          imageIds: pictures.map((picture) => picture.id),
          sourceIds: asked.imageIds.length > 0 ? asked.imageIds : undefined,
          links: links.length > 0 ? links : undefined,
        };
        answer.status.value = 'complete';
      });
    } catch (error) {
      endFailedAnswer(answer, error, signal.aborted, () =>
        error instanceof ImageResultProblem ? problemText(error) : imageText('failed'),
      );
    }
    return saveLastState(deps.save, answer);
  }

  const done = run();
  return {
    answer,
    done,
    stop() {
      controller.abort();
      return done;
    },
  };
}
