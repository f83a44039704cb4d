/** Text cut into pieces a text-to-speech engine reads in one go (shared by both builds' speech services). */

/** Long utterances are cut off by some speech engines: speak sentence by sentence, in pieces of at most this. */
export const SPEECH_PIECE_CHARS = 200;

/** The text in pieces at sentence ends (。！？；), none longer than `max`. */
export function speechPieces(text: string, max = SPEECH_PIECE_CHARS): string[] {
  const sentences = text.match(/[^。！？；!?;]+[。！？；!?;]?/g) ?? [];
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    for (let i = 0; i < sentence.length; i += max) {
      const part = sentence.slice(i, i + max);
      if ((current + part).length > max && current) {
        pieces.push(current);
        current = '';
      }
      current += part;
    }
  }
  if (current.trim()) pieces.push(current);
  return pieces.map((p) => p.trim()).filter((p) => p !== '');
}
