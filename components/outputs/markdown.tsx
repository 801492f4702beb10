import "highlight.js/styles/github.css";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { cn } from "@/components/ui/cn";

const components: Components = {
  // Model output is untrusted: links leave the app in a new tab and pass no referrer or ranking.
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" className="font-medium text-sky-700 underline" />,
  // Models and people break lines and indent with tabs where Markdown would join them: keep them, as chat UIs do.
  p: ({ node: _node, ...props }) => <p {...props} className="my-2 whitespace-pre-wrap first:mt-0 last:mb-0" />,
  li: ({ node: _node, ...props }) => <li {...props} className="whitespace-pre-wrap" />,
  ul: ({ node: _node, ...props }) => <ul {...props} className="my-2 list-disc space-y-1 pl-5" />,
  ol: ({ node: _node, ...props }) => <ol {...props} className="my-2 list-decimal space-y-1 pl-5" />,
  blockquote: ({ node: _node, ...props }) => <blockquote {...props} className="my-2 border-l-2 border-zinc-300 pl-3 text-zinc-600" />,
  h1: ({ node: _node, ...props }) => <h1 {...props} className="mt-4 mb-2 text-base font-semibold first:mt-0" />,
  h2: ({ node: _node, ...props }) => <h2 {...props} className="mt-4 mb-2 text-base font-semibold first:mt-0" />,
  h3: ({ node: _node, ...props }) => <h3 {...props} className="mt-3 mb-1.5 text-sm font-semibold first:mt-0" />,
  h4: ({ node: _node, ...props }) => <h4 {...props} className="mt-3 mb-1.5 text-sm font-semibold first:mt-0" />,
  pre: ({ node: _node, ...props }) => <pre {...props} className="my-2 overflow-x-auto rounded-lg bg-white text-xs ring-1 ring-zinc-200" />,
  table: ({ node: _node, ...props }) => (
    <div className="my-2 overflow-x-auto">
      <table {...props} className="min-w-full border-collapse text-xs" />
    </div>
  ),
  th: ({ node: _node, ...props }) => <th {...props} className="border border-zinc-200 bg-zinc-50 px-2 py-1 text-left font-medium" />,
  td: ({ node: _node, ...props }) => <td {...props} className="border border-zinc-200 px-2 py-1 align-top whitespace-pre-wrap" />,
  hr: () => <hr className="my-3 border-zinc-200" />,
  img: ({ alt }) => <span className="text-zinc-500 italic">[image{alt ? `: ${alt}` : ""}]</span>,
};

/**
 * Markdown as a model or a lead wrote it: GitHub flavour, highlighted code, and no raw HTML (react-markdown
 * escapes it and drops javascript: links), so untrusted output can never run script in the reviewer's page.
 * Images are shown as their alt text: loading them would leak the reviewer's address to any URL in an output.
 * Line breaks and tabs inside a paragraph are kept.
 */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div
      className={cn(
        "text-sm leading-relaxed break-words text-zinc-800",
        "[&_:not(pre)>code]:rounded [&_:not(pre)>code]:bg-zinc-100 [&_:not(pre)>code]:px-1 [&_:not(pre)>code]:py-0.5 [&_:not(pre)>code]:font-mono [&_:not(pre)>code]:text-[0.85em]",
        // highlight.js styles code.hljs (unlayered, 1em padding); blocks without a language get the same padding here.
        "[&_pre>code]:block [&_pre>code]:p-3 [&_pre>code]:font-mono",
        className,
      )}
    >
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeHighlight]} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
