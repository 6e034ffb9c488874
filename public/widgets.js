// Progressive enhancement of the "for communes" page (it works without this file): the builder's
// snippet and preview updated as the choices change (copy buttons: copy.js).
;(function () {
  var form = document.querySelector('[data-widget-builder]')
  if (!form) return
  var data = JSON.parse(form.getAttribute('data-widget'))
  var output = document.getElementById('widget-snippet')
  var preview = document.querySelector('[data-widget-preview]')

  function escape(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]
    })
  }

  // The same title and height as the server's snippets (web/lib/widget.ts).
  function title(values) {
    var names = data.names[values.lang] || data.names.fr
    var parts = []
    if (values.commune) parts.push(names.commune[values.commune] || values.commune)
    if (values.category) parts.push(names.category[values.category] || values.category)
    var name = parts.length ? names.filtered.replace('{filter}', parts.join(' · ')) : names.all
    return name + ' (' + names.site + ')'
  }

  function height(values) {
    var rule = data.heights[values.density] || data.heights.regular
    return rule.base + rule.perEvent * values.limit
  }

  var timer = null
  function update() {
    var values = {}
    var params = new URLSearchParams()
    new FormData(form).forEach(function (value, name) {
      values[name] = String(value)
    })
    var limit = Math.round(Number(values.limit))
    values.limit = limit >= 1 && limit <= 20 ? limit : 5
    ;['lang', 'commune', 'category', 'limit', 'accent', 'density'].forEach(function (name) {
      if (values[name]) params.set(name, String(values[name]))
    })
    var src = new URL(form.getAttribute('action') + '?' + params.toString(), data.site).toString()
    output.value =
      '<iframe src="' +
      escape(src) +
      '" title="' +
      escape(title(values)) +
      '" width="100%" height="' +
      height(values) +
      '" loading="lazy"></iframe>'
    // The preview follows after a short pause, so typing a number does not reload it each time.
    clearTimeout(timer)
    timer = setTimeout(function () {
      preview.src = src
      preview.title = title(values)
      preview.height = String(height(values))
    }, 300)
  }
  form.addEventListener('change', update)
  form.addEventListener('input', update)
})()
