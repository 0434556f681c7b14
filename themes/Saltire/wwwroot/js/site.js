// Enhances pages once the design system (loaded as a module before this file) has set window.DS.
// The portal works without JavaScript; this only turns on the components' progressive behaviour.
if (window.DS && typeof window.DS.initAll === 'function') {
    window.DS.initAll();
}
