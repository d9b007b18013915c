// Chromium opens the origin's IndexedDB store in its browser process on the page's first request: about
// a second on a desk of 200,000 cases. This classic script runs while the page is still being parsed,
// before the app's module is evaluated; asking for the list of databases (it creates nothing) starts that
// opening now, in parallel with loading the app, instead of after it, when the app opens its database.
void indexedDB.databases().catch(function () {});
