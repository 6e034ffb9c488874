// Fails fast when the project runs on a Node.js older than 24 (Payload 3 and Astro 7 need it).
// This happens when `npm ci --ignore-scripts` skipped the `node@24` devDependency's install step.
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  console.error(
    `Zesummen needs Node.js 24 or newer, but this is Node.js ${process.versions.node}.\n` +
      'The project brings Node 24 as the devDependency "node@24"; it is missing when npm ran with\n' +
      '--ignore-scripts. Fix: run `npm ci` (without --ignore-scripts), then use the npm scripts\n' +
      '(npm start, npm test) so that node_modules/.bin/node is used.',
  )
  process.exit(1)
}
