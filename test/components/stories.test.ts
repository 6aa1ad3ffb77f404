/**
 * Stories are fixtures too: every story of every file renders, runs its play function and passes axe,
 * in Greek, English and Arabic.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { render, type TemplateResult } from 'lit';
import * as embedding from '../../stories/embedding.stories.ts';
import * as formKit from '../../stories/form-kit.stories.ts';
import * as directory from '../../stories/programme-directory.stories.ts';
import * as calendar from '../../stories/events-calendar.stories.ts';
import * as volunteer from '../../stories/volunteer-signup.stories.ts';
import * as intake from '../../stories/intake-form.stories.ts';
import * as referral from '../../stories/dropout-referral.stories.ts';
import { setStoryBackends } from '../../stories/support/backends.ts';

type StoryModule = Record<string, unknown> & { default: { title?: string; render?: (args: unknown) => TemplateResult } };
interface Story { name?: string; args?: Record<string, unknown>; render?: (args: unknown) => TemplateResult; play?: (ctx: { canvasElement: HTMLElement }) => Promise<void> }

const modules: StoryModule[] = [formKit as StoryModule, embedding as StoryModule, directory as StoryModule, calendar as StoryModule, volunteer as StoryModule, intake as StoryModule, referral as StoryModule];

before(async () => {
  const backend = await executeServerCommand<{ url: string; hsdsStubUrl: string }, unknown>('kentro-backend');
  (globalThis as { KENTRO_STORY_MIN_FILL_MS?: number }).KENTRO_STORY_MIN_FILL_MS = 0;
  setStoryBackends(`${backend.url}/api`, backend.hsdsStubUrl, new URL('../fixtures/ics/council-feed.ics', import.meta.url).href);
});

for (const mod of modules) {
  describe(`stories: ${mod.default.title}`, () => {
    for (const [exportName, value] of Object.entries(mod)) {
      if (exportName === 'default') continue;
      const story = value as Story;
      for (const lang of ['el', 'en', 'ar']) {
        it(`${story.name ?? exportName} is accessible (${lang})`, async () => {
          document.documentElement.lang = lang;
          document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
          const canvas = await fixture<HTMLElement>(html`<div></div>`);
          const renderStory = story.render ?? mod.default.render!;
          render(renderStory({ ...(mod.default as { args?: object }).args, ...story.args }), canvas);
          for (const el of canvas.querySelectorAll('*')) await (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
          await story.play?.({ canvasElement: canvas });
          expect(canvas.children.length).to.be.greaterThan(0);
          await expect(canvas).to.be.accessible();
          document.documentElement.dir = 'ltr';
        });
      }
    }
  });
}
