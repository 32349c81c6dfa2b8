/**
 * The `<gate-scope>` module (dist/lib/gate-scope.js): importing it defines the element, once,
 * even when a page (or a deck and its plugin) loads it twice.
 */
import { GateScopeElement } from './GateScope';

if (!customElements.get('gate-scope')) customElements.define('gate-scope', GateScopeElement);
