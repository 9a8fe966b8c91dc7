/// The page's one stylesheet, served as /style.css (the Content-Security-Policy allows
/// styles from this server only). Sizes in rem so the page reflows at 200% zoom; targets at
/// least 48 px; text and borders at WCAG AA contrast or better (#1d1d1d on white 16:1,
/// #1f5f78 on white 7.0:1, white on #1f5f78 7.0:1, #5c3d00 on #fff4d6 9.4:1); a visible
/// focus ring on everything that takes the keyboard.
enum Stylesheet {
    static let css = """
        :root { --ink: #1d1d1d; --brand: #1f5f78; --line: #5e6a71; --soft: #eef4f6; --focus: #b4006e; }
        * { box-sizing: border-box; }
        html { font-size: 100%; }
        body { margin: 0; font-family: system-ui, "Noto Sans", "Segoe UI", Arial, sans-serif; font-size: 1.125rem;
               line-height: 1.5; color: var(--ink); background: #ffffff; }
        .top { background: var(--brand); color: #ffffff; padding: 1rem 1.5rem; }
        .top h1 { margin: 0; font-size: 1.75rem; }
        .top p { margin: 0.25rem 0 0; }
        main { max-width: 75rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        fieldset { border: 0; margin: 0 0 1rem; padding: 0; }
        legend, label, .field label { font-weight: 700; }
        legend { font-size: 1.25rem; margin-bottom: 0.5rem; }
        .handouts { display: flex; flex-wrap: wrap; gap: 1rem; }
        .handout { display: grid; grid-template-columns: auto auto 1fr; column-gap: 0.75rem; align-items: start;
                   flex: 1 1 20rem; min-height: 3rem; padding: 0.75rem; border: 2px solid var(--line); border-radius: 0.5rem;
                   cursor: pointer; font-weight: 400; background: #ffffff; }
        .handout input { width: 1.5rem; height: 1.5rem; margin: 0.25rem 0 0; accent-color: var(--brand); }
        .handout .thumb { width: 5rem; height: auto; border: 1px solid var(--line); }
        .handout .text { display: flex; flex-direction: column; }
        .handout .name { font-weight: 700; font-size: 1.2rem; }
        .handout:has(input:checked) { border-color: var(--brand); background: var(--soft); box-shadow: inset 0 0 0 2px var(--brand); }
        .handout:focus-within { outline: 3px solid var(--focus); outline-offset: 2px; }
        .about { color: #3d4449; font-size: 1rem; }
        .fields { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
        .field { display: flex; flex-direction: column; flex: 1 1 16rem; margin: 0.5rem 0; }
        .field.check { justify-content: center; }
        .field.check label { display: flex; align-items: center; gap: 0.6rem; min-height: 3rem; }
        .field.check input { width: 1.6rem; height: 1.6rem; accent-color: var(--brand); }
        select, input[type=number] { font: inherit; min-height: 3rem; padding: 0.4rem 0.6rem; border: 2px solid var(--line);
                                     border-radius: 0.4rem; background: #ffffff; color: var(--ink); max-width: 100%; }
        button, .button { display: inline-block; font: inherit; font-weight: 700; min-height: 3rem; padding: 0.6rem 1.4rem;
                          border: 2px solid var(--brand); border-radius: 0.4rem; background: var(--brand); color: #ffffff;
                          text-decoration: none; cursor: pointer; }
        button:hover, .button:hover { background: #174a5e; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 3px; }
        .preview { margin-top: 2rem; border-top: 2px solid var(--line); padding-top: 1rem; }
        .preview h2 { margin: 0 0 0.25rem; font-size: 1.5rem; }
        .facts { margin: 0 0 0.5rem; }
        .message { padding: 0.75rem 1rem; border-radius: 0.4rem; border: 2px solid; }
        .error { border-color: #a00000; background: #fdecec; color: #6b0000; }
        .done { border-color: #1b6b2a; background: #eaf6ec; color: #0f4019; }
        .draft { border-color: #8a5a00; background: #fff4d6; color: #5c3d00; }
        .note { margin: 0.5rem 0; }
        .actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
        .print { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem 1.5rem; margin: 1rem 0;
                 padding: 0.75rem 1rem; background: var(--soft); border-radius: 0.5rem; }
        .print .field { flex: 0 1 12rem; }
        .print p { margin: 0; }
        .pages { display: flex; flex-wrap: wrap; gap: 1.5rem; margin-top: 1rem; }
        /* Wide screens: the choices on the left, the handout beside them. At 200% zoom the
           page is narrower than this and everything is one column. */
        @media (min-width: 64rem) {
          main.with-preview { display: grid; grid-template-columns: minmax(20rem, 26rem) 1fr; column-gap: 2.5rem;
                              align-items: start; max-width: 90rem; }
          main.with-preview > .message { grid-column: 1 / -1; }
          main.with-preview .chooser { grid-column: 1; }
          main.with-preview .preview { grid-column: 2; margin-top: 0; border-top: 0; padding-top: 0; }
          main.with-preview .handouts { flex-direction: column; gap: 0.5rem; }
          main.with-preview .handout { flex: 0 0 auto; }
          main.with-preview .handout .thumb { width: 3.5rem; }
          main.with-preview .fields { display: block; }
          main.with-preview .field { margin: 0.25rem 0 0.75rem; }
        }
        figure { margin: 0; }
        .page { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); box-shadow: 0 1px 4px #0003; }
        figcaption { font-size: 1rem; margin-top: 0.25rem; }

        """
}
