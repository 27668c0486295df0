"""Inline SVG charts for ``fazhi report`` (no script, no network)."""

from __future__ import annotations

from .highlight import esc


def bar_chart(title: str, items: list[tuple[str, float, str]], colour: str,
              width: int = 530, label_width: int = 160) -> str:
    """Return an inline SVG horizontal bar chart of (label, value, value label) items."""
    if not items:
        return f'<figure class="chart"><figcaption>{esc(title)}</figcaption><p class="muted">nothing to plot</p></figure>'
    row, top = 22, 6
    height = top * 2 + row * len(items)
    biggest = max(value for _, value, _ in items) or 1
    bar_room = width - label_width - 90
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(title)}">']
    for n, (label, value, shown) in enumerate(items):
        y = top + n * row
        short = _fit(label, label_width - 14)
        w = max(1.0, bar_room * value / biggest)
        parts.append(
            f'<g><title>{esc(label)}: {esc(shown)}</title>'
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{esc(short)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row - 7}" rx="2" fill="{colour}"/>'
            f'<text x="{label_width + w + 6:.1f}" y="{y + 15}" class="v">{esc(shown)}</text></g>')
    parts.append("</svg>")
    return (f'<figure class="chart"><figcaption>{esc(title)}</figcaption>{"".join(parts)}</figure>')


def _fit(label: str, pixels: int) -> str:
    """Return ``label`` cut with … to about ``pixels`` wide at 12px (CJK 12px, Latin 7px)."""
    width = 0
    for n, char in enumerate(label):
        width += 12 if ord(char) > 0x2E7F else 7
        if width > pixels:
            return label[:max(n - 1, 1)] + "…"
    return label
