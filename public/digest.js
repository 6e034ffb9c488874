// Progressive enhancement of the digest form (it works without this file): the time the form was
// shown, which a person needs a few seconds to fill in and a script does not.
;(function () {
  var stamp = document.querySelector('[data-digest-form] [data-rendered-at]')
  if (stamp && !stamp.value) stamp.value = String(Date.now())
})()
