// Progressive enhancement shared by the pages with addresses or snippets to copy (they work
// without this file): each [data-copy] button copies the field it names and says so.
;(function () {
  var status = document.querySelector('[data-copy-status]')
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'))
    if (!field || !navigator.clipboard) return
    button.hidden = false
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(field.value).then(function () {
        if (status) status.textContent = status.getAttribute('data-copied')
      })
    })
  })
})()
