// Progressive enhancement of the calendar subscription page (it works without this file): the
// feed builder's address shown as the form changes (copy buttons: copy.js).
;(function () {
  var form = document.querySelector('[data-feed-builder]')
  if (!form) return
  var result = form.querySelector('[data-feed-result]')
  var output = document.getElementById('builder-result')
  var webcal = form.querySelector('[data-feed-webcal]')
  function update() {
    var params = new URLSearchParams()
    new FormData(form).forEach(function (value, name) {
      if (value) params.append(name, String(value))
    })
    var url = new URL(
      form.getAttribute('action') + '?' + params.toString(),
      form.getAttribute('data-site'),
    )
    output.value = url.toString()
    webcal.href = url.toString().replace(/^https?:/, 'webcal:')
  }
  form.addEventListener('change', update)
  update()
  result.hidden = false
})()
