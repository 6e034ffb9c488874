// Progressive enhancement of the plan overview (without it every action is listed): a filter by
// commune, target group and status that hides the other cards and sections, and says how many
// are shown.
;(function () {
  var form = document.querySelector('[data-filter]')
  if (!form) return
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-filter-item]'))
  var sections = Array.prototype.slice.call(document.querySelectorAll('[data-filter-section]'))
  var count = form.querySelector('[data-filter-count]')
  var template = form.getAttribute('data-count-text') || '{shown}/{total}'
  function matches(item, name, value) {
    return !value || (item.getAttribute('data-' + name) || '').split(' ').indexOf(value) >= 0
  }
  function apply() {
    var wanted = {
      commune: form.elements.commune.value,
      group: form.elements.group.value,
      status: form.elements.status.value,
    }
    var shown = 0
    var seen = {}
    items.forEach(function (item) {
      var visible = ['commune', 'group', 'status'].every(function (name) {
        return matches(item, name, wanted[name])
      })
      item.hidden = !visible
      var key = item.querySelector('a') ? item.querySelector('a').getAttribute('href') : ''
      if (visible && !seen[key]) {
        seen[key] = true
        shown += 1
      }
    })
    sections.forEach(function (section) {
      section.hidden = !section.querySelector('[data-filter-item]:not([hidden])')
    })
    var total = Object.keys(
      items.reduce(function (all, item) {
        all[item.querySelector('a') ? item.querySelector('a').getAttribute('href') : ''] = 1
        return all
      }, {}),
    ).length
    count.textContent = template.replace('{shown}', shown).replace('{total}', total)
  }
  form.hidden = false
  form.addEventListener('change', apply)
  form.addEventListener('submit', function (event) {
    event.preventDefault()
  })
  apply()
})()
