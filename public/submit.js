// Progressive enhancement of the submission forms (they work without this file): the time the
// form was shown (a person needs a few seconds, a script does not), character counters, and
// sending without leaving the page. The server answers with the same form, errors marked, which
// replaces this one; the chosen image is kept.
;(function () {
  var selector = '[data-submission-form]'
  var first = document.querySelector(selector)
  if (!first) return
  var stamp = first.querySelector('[data-rendered-at]')
  if (stamp && !stamp.value) stamp.value = String(Date.now())

  function counters(root) {
    var template = root.getAttribute('data-counter-text') || '{left}'
    root.querySelectorAll('[data-counter]').forEach(function (field) {
      var max = Number(field.getAttribute('data-counter'))
      var output = document.createElement('p')
      output.className = 'z-form__counter'
      output.id = field.id + '-counter'
      output.setAttribute('aria-live', 'polite')
      field.insertAdjacentElement('afterend', output)
      var described = field.getAttribute('aria-describedby')
      field.setAttribute('aria-describedby', (described ? described + ' ' : '') + output.id)
      var timer
      function update() {
        var left = max - Array.from(field.value).length
        output.textContent = template.replace('{left}', String(left))
      }
      field.addEventListener('input', function () {
        clearTimeout(timer)
        timer = setTimeout(update, 400)
      })
      update()
    })
  }
  counters(first)

  /** Puts the server's form (with its errors) in place of this one, keeping the chosen file. */
  function replaceForm(form, page) {
    var next = page.querySelector(selector)
    if (!next) return false
    var file = form.querySelector('input[type="file"]')
    var nextFile = next.querySelector('input[type="file"]')
    var nextSummary = page.querySelector('[data-error-summary]')
    if (file && nextFile && file.files && file.files.length > 0) {
      nextFile.replaceWith(file)
      var again = nextSummary && nextSummary.querySelector('[data-image-again]')
      if (again) again.remove()
    }
    var summary = document.querySelector('[data-error-summary]')
    if (summary) summary.remove()
    form.replaceWith(next)
    if (nextSummary) next.insertAdjacentElement('beforebegin', nextSummary)
    document.title = page.title
    counters(next)
    var shown = document.querySelector('[data-error-summary]')
    if (shown) shown.focus()
    return true
  }

  var sending = false
  document.addEventListener('submit', function (event) {
    var form = event.target
    if (!form.matches || !form.matches(selector)) return
    if (!window.fetch || !window.FormData || !window.DOMParser) return
    event.preventDefault()
    if (sending) return
    sending = true
    var button = form.querySelector('button[type="submit"]')
    if (button) button.disabled = true
    fetch(form.action, {
      method: 'POST',
      body: new FormData(form),
      headers: { accept: 'text/html' },
      credentials: 'same-origin',
    })
      .then(function (response) {
        if (response.redirected && response.ok) {
          window.location.assign(response.url)
          return
        }
        return response.text().then(function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html')
          if (!replaceForm(form, page)) form.submit()
        })
      })
      .catch(function () {
        // Offline or the server unreachable: send the ordinary way, the browser shows why.
        form.submit()
      })
      .finally(function () {
        sending = false
        if (button) button.disabled = false
      })
  })
})()
