namespace Annotate.TestSupport;

/// <summary>
/// Scripts the browser tests and the browser benchmarks run in the annotation view. One source, linked into both
/// projects (see their .csproj), so a benchmark selects text exactly the way the tests do.
/// </summary>
internal static class PageScripts
{
    /// <summary>
    /// Run on a block element with [start, end]: selects those characters of its text (UTF-16 offsets) as a DOM range
    /// and dispatches the pointerup that ends a drag.
    /// </summary>
    public const string SelectInBlock = """
        (el, [start, end]) => {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          const point = (offset) => {
            for (let n = walker.nextNode(), at = 0; n; at += n.data.length, n = walker.nextNode()) {
              if (offset <= at + n.data.length) return [n, offset - at];
            }
          };
          const [a, ao] = point(start);
          walker.currentNode = el;
          const [b, bo] = point(end);
          const range = document.createRange();
          range.setStart(a, ao);
          range.setEnd(b, bo);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          el.closest('[role=region]').dispatchEvent(new PointerEvent('pointerup', { bubbles: true, button: 0 }));
        }
        """;
}
