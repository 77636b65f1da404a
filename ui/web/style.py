"""The chat's stylesheet and its one piece of browser script (copying an answer with its citations)."""

CSS = """
.gradio-container { font-family: "Source Sans Pro", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
.app-header h1 { font-size: 1.45rem; margin: 0.2rem 0; }
.app-header p { margin: 0; color: var(--body-text-color-subdued); }
.welcome h3 { margin: 0 0 .4rem; font-size: 1.05rem; }
.welcome p { margin: .25rem 0; color: var(--body-text-color-subdued); }
.hint { color: var(--body-text-color-subdued); font-size: .85rem; }
#chat .answer { min-width: min(880px, 72vw); }
.answer .answer-text p, .answer .notice p { margin: .2rem 0; line-height: 1.7; }
.answer sup.ref { color: var(--color-accent); font-weight: 600; margin: 0 1px; }
.answer .notice { border-left: 4px solid #d97706; background: rgba(217,119,6,.08); padding: .5rem .75rem; border-radius: 6px; }
.answer .answer-by { font-size: .8rem; color: #6b7280; margin-top: .2rem; }
.answer .answer-by-llm::before { content: "✓ "; color: #059669; }
.answer .notice-tag { display: inline-block; color: #fff; background: #d97706; border-radius: 4px; padding: 0 .45rem; margin-right: .5rem; font-size: .85rem; }
.answer .cites { margin-top: .7rem; }
.answer .cites-title { font-weight: 600; font-size: .9rem; margin-bottom: .35rem; color: var(--body-text-color-subdued); }
.answer .card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .5rem .7rem; margin: .45rem 0; background: var(--background-fill-secondary); }
.answer .card-doc { font-size: .8rem; color: var(--color-accent); margin-bottom: .15rem; }
.answer .card-path { font-size: .82rem; color: var(--body-text-color-subdued); margin-bottom: .3rem; }
.answer .card-path .step:last-child { color: var(--body-text-color); font-weight: 600; }
.answer .card-path .card-page { margin-left: .6rem; white-space: nowrap; }
.answer .card-n { color: var(--color-accent); font-weight: 700; margin-right: .35rem; }
.answer .card-text, .answer .card-quote { line-height: 1.7; font-size: .92rem; }
.answer mark { background: #fde68a; color: inherit; padding: 0 1px; border-radius: 2px; }
.answer details.card-context { margin-top: .35rem; font-size: .88rem; }
.answer details.card-context summary { cursor: pointer; color: var(--color-accent); }
.answer .ctx-body { max-height: 320px; overflow-y: auto; padding: .3rem .5rem; border-left: 3px solid var(--border-color-primary); margin-top: .3rem; }
.answer .ctx-body p { margin: .3rem 0; line-height: 1.7; }
.answer .ctx-body p.ctx-cited { background: rgba(253,230,138,.25); }
.answer .answer-tools { margin-top: .4rem; }
.answer .copy-text { display: none; }
.answer button.copy-answer { font-size: .8rem; border: 1px solid var(--border-color-primary); border-radius: 6px; padding: .1rem .6rem; background: var(--background-fill-primary); cursor: pointer; }
.answer button.copy-answer.copied { color: #15803d; border-color: #15803d; }
table.plan-table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .4rem 0; }
table.plan-table th, table.plan-table td { border: 1px solid var(--border-color-primary); padding: .3rem .5rem; text-align: left; vertical-align: top; }
table.plan-table th { background: var(--background-fill-secondary); white-space: nowrap; }
table.plan-table tr.row-cited td { background: rgba(253,230,138,.45); }
#toc { max-height: 78vh; overflow-y: auto; gap: 0 !important; padding-right: .3rem; }
#toc button.toc-item { justify-content: flex-start; text-align: left; background: none; border: none; box-shadow: none;
  font-weight: 400; padding: .15rem .4rem; min-height: 0; width: 100%; white-space: normal; line-height: 1.4; }
#toc button.toc-item:hover { background: var(--background-fill-secondary); color: var(--color-accent); }
#toc button.toc-part { font-weight: 700; margin-top: .6rem; }
#toc button.toc-chapter { font-weight: 600; }
#toc button.toc-column { color: #0f766e; }
#toc button.toc-table { color: #7c3aed; }
#toc button.toc-d1 { padding-left: 1rem; }
#toc button.toc-d2 { padding-left: 2rem; font-size: .88rem; }
#toc button.toc-d3 { padding-left: 3rem; font-size: .86rem; }
#toc button.toc-d4 { padding-left: 4rem; font-size: .86rem; }
#reader .reader { max-height: 78vh; overflow-y: auto; padding: .2rem 1rem; line-height: 1.8; }
#reader .reader-path { color: var(--body-text-color-subdued); font-size: .82rem; }
#reader .reader h2 { margin: .3rem 0 .6rem; }
#reader .reader p { text-indent: 2em; margin: .35rem 0; }
#reader .muted, #ent-result .muted { color: var(--body-text-color-subdued); }
.match .match-summary { margin-bottom: .5rem; }
.match .match-title { font-weight: 700; font-size: 1rem; }
.match .match-score { float: right; font-weight: 400; font-size: .8rem; color: var(--body-text-color-subdued); }
.match .match-reason { font-size: .88rem; margin: .2rem 0; color: #0f766e; }
.match ul.match-items { margin: .2rem 0 .2rem 1.2rem; padding: 0; }
.match ul.match-items li { margin: .25rem 0; line-height: 1.6; }
.match .measures-title { margin: 1rem 0 .3rem; font-size: 1rem; }
.match table.measures td:first-child { white-space: nowrap; font-weight: 600; }
.match .measure-cite { margin-bottom: .3rem; }
"""

# Chat messages are sanitised (no inline handlers), so one document-level listener serves every
# answer's copy button; the text to copy sits in a hidden .copy-text element beside the button.
COPY_JS = """
if (!window.__planCopy) {
  window.__planCopy = true;
  const LABEL = '复制答案及出处';
  const fallback = (text) => {
    const area = document.createElement('textarea');
    area.value = text; area.style.position = 'fixed'; area.style.opacity = '0';
    document.body.appendChild(area); area.select(); document.execCommand('copy'); area.remove();
  };
  document.addEventListener('click', async (event) => {
    const button = event.target.closest ? event.target.closest('button.copy-answer') : null;
    if (!button) return;
    const source = button.parentElement ? button.parentElement.querySelector('.copy-text') : null;
    const text = source ? source.textContent : '';
    try { await navigator.clipboard.writeText(text); } catch (err) { fallback(text); }
    button.textContent = '已复制 ✓'; button.classList.add('copied');
    setTimeout(() => { button.textContent = LABEL; button.classList.remove('copied'); }, 1500);
  });
}
"""
