import { softGap, type Token } from "./normalize";

// Multi-word vocabularies (countries, facilities) are matched on folded
// tokens, longest phrase first, so "South Sudan" wins over "Sudan" and a stop
// phrase such as "New Mexico" can shadow "Mexico" by matching with no payload.

export interface PhraseHit<P> {
  readonly payload: P;
  /** Offsets into the folded text. */
  readonly start: number;
  readonly end: number;
}

interface Entry<P> {
  readonly words: readonly string[];
  readonly payload: P | null;
}

export class PhraseMatcher<P> {
  private readonly byFirst = new Map<string, Entry<P>[]>();

  /** payload null registers a stop phrase: it consumes text, reports nothing. */
  add(words: readonly string[], payload: P | null): void {
    const first = words[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    list.push({ words, payload });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(first, list);
  }

  find(text: string, tokens: readonly Token[]): PhraseHit<P>[] {
    const hits: PhraseHit<P>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const entry = this.longestAt(text, tokens, i);
      if (!entry) {
        i++;
        continue;
      }
      const last = tokens[i + entry.words.length - 1]!;
      if (entry.payload !== null) {
        hits.push({ payload: entry.payload, start: tokens[i]!.start, end: last.end });
      }
      i += entry.words.length;
    }
    return hits;
  }

  private longestAt(text: string, tokens: readonly Token[], i: number): Entry<P> | undefined {
    const candidates = this.byFirst.get(tokens[i]!.text);
    if (!candidates) return undefined;
    return candidates.find((c) => {
      for (let k = 1; k < c.words.length; k++) {
        const prev = tokens[i + k - 1];
        const tok = tokens[i + k];
        if (!prev || !tok || tok.text !== c.words[k]) return false;
        if (!softGap(text, prev.end, tok.start)) return false;
      }
      return true;
    });
  }
}
