// htm bound to preact: components write markup as tagged templates, with no build step.
// Everything interpolated is put on the page as text (never as HTML).
import htm from 'htm';
import { h } from 'preact';

export const html = htm.bind(h);
