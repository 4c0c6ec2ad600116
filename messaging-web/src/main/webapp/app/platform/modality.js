// Whether the user is finding their way by keyboard. Headings that take focus so that a screen reader
// says where the user now is (the thread's name when a conversation opens) show a focus ring only then:
// Chromium also matches :focus-visible when a script moves focus before any key or pointer was used
// (the portal opening a client's only conversation by itself), which drew a box around a name that
// cannot be clicked. `html[data-keyboard]` is set by a navigation key and cleared by any pointer.
const root = document.documentElement;
const NAVIGATION = new Set(['Tab', 'Enter', ' ', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'F6']);

addEventListener('keydown', event => {
  if (NAVIGATION.has(event.key)) {
    root.dataset.keyboard = '';
  }
}, true);
addEventListener('pointerdown', () => delete root.dataset.keyboard, true);
