import { describe, expect, it } from 'vitest';
import { conversationToMarkdown, fileNameFor } from '../../../lib/chat/markdown-export';

describe('a conversation as Markdown', () => {
  it('has its questions, quotes, image placeholders and answers', () => {
    const markdown = conversationToMarkdown(
      { id: 'c', title: 'Explain: light', createdAt: 1, updatedAt: 1 },
      [
        {
          id: '1',
          conversationId: 'c',
          role: 'user',
          text: 'Explain this.',
          images: ['data:image/png;base64,AAAA'],
          context: {
            kind: 'selection',
            pageTitle: 'Optics',
            pageUrl: 'https://x.test/o',
            quote: 'Light\nis fast',
          },
          status: 'complete',
          createdAt: 1,
        },
        {
          id: '2',
          conversationId: 'c',
          role: 'assistant',
          text: 'It is **fast**.',
          status: 'stopped',
          createdAt: 2,
        },
      ],
    );
    expect(markdown).toBe(
      '# Explain: light\n\n## Question\n\nExplain this.\n\n[Image 1: not included]\n\n' +
        'From [Optics](https://x.test/o)\n\n> Light\n> is fast\n\n## Answer\n\nIt is **fast**.\n\n*(Stopped.)*\n',
    );
    expect(fileNameFor('Explain: light / “quotes”', 'md')).toBe('Explain-light-quotes.md');
  });
});
