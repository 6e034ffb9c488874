// Starts Pagefind's search UI on the search page with the page's own translations.
;(function () {
  var element = document.getElementById('search')
  if (!element || typeof window.PagefindUI !== 'function') return
  new window.PagefindUI({
    element: '#search',
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    translations: JSON.parse(element.getAttribute('data-translations') || '{}'),
  })
})()
