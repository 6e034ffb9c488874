// Validation and permission messages of the CMS in the admin languages Payload ships (en, fr, de,
// pt). Luxembourgish editors choose one of these as their admin language.
import type { PayloadRequest } from 'payload'

export const adminLanguages = ['en', 'fr', 'de', 'pt'] as const
export type AdminLanguage = (typeof adminLanguages)[number]
export const adminLanguageNames: Record<AdminLanguage, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  pt: 'Português',
}

const en = {
  digestTitle: 'Events by email',
  digestIntro:
    'See the digest a reader of a commune gets in a language: the events of the week (or month) from what is published now.',
  digestCounts:
    'Subscribers: {{confirmed}} confirmed, {{unconfirmed}} waiting for confirmation, {{paused}} paused after failed deliveries.',
  digestCommune: 'Commune',
  digestRegion: 'The whole region',
  digestLanguage: 'Language',
  digestPeriod: 'Period',
  digestThisWeek: 'This week',
  digestNextWeek: 'Next week',
  digestThisMonth: 'This month',
  digestPreview: 'Preview',
  digestNothing: 'Nothing matches in this period: no email would be sent.',
  digestNotPublished: 'Nothing is published yet: publish first.',
  unknownReference:
    'No {{collection}} with id {{ids}} exists (it may have been deleted). Choose one from the list.',
  requiredInSourceLanguage:
    '{{field}} is required in the source language ({{language}}). Switch the locale to {{language}} and fill it in, or change the source language.',
  endBeforeStart: 'The end ({{end}}) is before the start ({{start}}). Set an end after the start.',
  durationTooLong:
    'An event may last at most {{days}} days. For longer activities use a recurrence or an action.',
  recurrenceNeedsEnd:
    'A recurrence needs an end: set either "until" or "count" (not both), so the number of dates is bounded.',
  recurrenceBothEnds: 'Set either "until" or "count", not both.',
  recurrenceUntilBeforeStart: '"Until" ({{until}}) is before the first date ({{start}}).',
  recurrenceTooLong:
    'This recurrence ends more than {{years}} years after its start. Create a new event series instead.',
  recurrenceTooMany:
    'This recurrence produces more than {{max}} dates. Shorten it (earlier "until" or smaller "count").',
  recurrenceWeekdaysOnlyWeekly: 'Weekdays can only be chosen for a weekly recurrence.',
  recurrenceIntervalRange: 'The interval must be a whole number between 1 and {{max}}.',
  recurrenceFieldsWithoutFrequency:
    'Recurrence details are set but no frequency is chosen. Choose a frequency or clear the details.',
  statusNeedsReason: 'Say why the event is {{status}} (status reason), so residents understand.',
  venueOrOnline: 'Choose a venue or give an online link (or both).',
  movedOnlineNeedsLink: 'An event moved online needs the online link.',
  invalidUrl:
    'Enter a full web address starting with https:// (or http://), for example https://www.example.lu/page.',
  invalidEmail: 'Enter a valid email address, for example name@example.lu.',
  invalidPhone:
    'Enter a phone number with digits only, optionally starting with + and the country code, for example +352 12 34 56.',
  amountRequired: 'Give the price in euros, or tick "free".',
  latitudeRange: 'Latitude must be between -90 and 90 (Luxembourg is about 49.6).',
  longitudeRange: 'Longitude must be between -180 and 180 (Luxembourg is about 6.1).',
  altRequired:
    'Describe the image for people who cannot see it (alternative text) in the source language ({{language}}).',
  fileTooLarge:
    'The file is {{size}} MB; the limit is {{max}} MB. Reduce its size and upload again.',
  fileTypeNotAccepted:
    '“{{name}}” is not a file of an accepted type ({{types}}): its content was checked, whatever its name or declared type says. Save it in one of these formats and upload it again.',
  fileNameNotContentType:
    'The name “{{name}}” does not match the file’s content ({{type}}). Upload the file itself from your device: its name then gets the right extension.',
  communeOutsideScope:
    'You can only add or remove your own communes ({{own}}), not {{outside}}. Ask the coordinator to change other communes.',
  needsOwnCommune: 'The document must stay in at least one of your communes ({{own}}).',
  organisationOutsideScope:
    'Associations can only create and edit documents of their own organisation ({{own}}).',
  associationCannotPublish:
    'Associations cannot publish. Save as a draft: an editor of the commune reviews and publishes it.',
  associationCannotUnpublish:
    'Associations cannot unpublish or overwrite a published document. Save your change as a draft: an editor of the commune reviews and publishes it.',
  communeOutsideOrganisation:
    'Your organisation works in {{own}}; {{outside}} is not one of its communes. Ask the coordinator to add it to your organisation.',
  referenceOutOfReach:
    '{{field}}: {{collection}} {{ids}} is not one you may use (it belongs to another commune or organisation, or is not published). Choose one from the list.',
  organisationTypeStaffOnly:
    'Only the coordinator can mark an organisation as the plan’s coordinator.',
  passwordTooShort: 'The password must have at least {{min}} characters.',
  passwordTooWeak:
    'The password is too easy to guess. Use a longer passphrase, for example four unrelated words.',
  communeEditorNeedsCommunes: 'A commune editor must be bound to at least one commune.',
  associationNeedsOrganisation: 'An association account must be bound to its organisation.',
  signInTooMany: 'Too many sign-in attempts from your network. Try again in {{minutes}} minutes.',
  signInHeldBack:
    'Too many failed sign-ins for this address from your network. Try again in {{minutes}} minutes, or set a new password with “Forgot Password”.',
  resetTooMany:
    'Too many password reset requests from your network. Try again in {{minutes}} minutes.',
  codeFormat:
    'A commune code in Luxembourg has four digits (STATEC code, for example 1205 for Remich).',
  validToBeforeValidFrom: '"Valid to" is before "valid from".',
  indicatorTargetEqualsBaseline:
    'The target equals the baseline, so progress cannot be measured. Change one of them.',
  periodEndBeforeStart: 'The end of the period is before its start.',
  buildPanelTitle: 'Public site builds',
  buildPanelIntro:
    'Published changes go live within about half a minute. A failed build leaves the site as it was.',
  buildPanelNone: 'No build has run since the server started with this database.',
  buildRequested: 'Requested',
  buildStatus: 'Status',
  buildReason: 'Changes',
  buildDuration: 'Duration',
  buildPages: 'Pages',
  buildStatusQueued: 'waiting',
  buildStatusRunning: 'building',
  buildStatusSucceeded: 'live',
  buildStatusFailed: 'failed',
  buildLastError: 'Last failure ({{when}}): {{error}}',
  buildAll: 'All builds',
  reportsTitle: 'Reports and CSV',
  reportsIntro:
    'Download the plan’s data for a spreadsheet (UTF-8; semicolon for Excel in French or German), or import actions and indicator values from a CSV made from the actions export.',
  reportsActions: 'Actions and indicators',
  reportsEvents: 'Events with participants',
  reportsResources: 'Resources',
  reportsComma: 'comma',
  reportsSemicolon: 'semicolon',
  reportsImport: 'Import actions and indicator values',
  reportsFile: 'CSV file',
  reportsCheck: 'Check (changes nothing)',
  reportsApply: 'Apply these changes',
  reportsNoChange: 'The file matches the portal: nothing to change.',
  reportsChanges: 'Changes: {{count}}',
  reportsApplied: 'Applied: {{count}} changes.',
  reportsErrors: 'Nothing was changed. Correct these lines and check again:',
  reportsLine: 'Line',
  reportsFrom: 'Before',
  reportsTo: 'After',
  reportsWhat: 'What',
  attendanceNeedsParticipants: 'Give the number of participants before the age groups.',
  attendanceAgesTooMany:
    'The age groups add up to {{sum}}, more than the {{participants}} participants.',
  submissionNeedsReason: 'Give a reason: it is sent to the person who made the submission.',
  kindInitiative: 'initiative',
  kindEvent: 'event proposal',
  moderationEmailSubject: 'To moderate: {{kind}} “{{title}}”',
  moderationEmailBody:
    'A new {{kind}} arrived through the public form: “{{title}}”.\n\nOpen it to approve it, reject it or ask for changes (the person who sent it is told by email):\n{{link}}\n\nYou receive this message because you moderate submissions for one of the communes concerned.',
  moderationPanelTitle: 'To moderate',
  moderationPanelIntro:
    'Initiatives and event proposals sent through the public forms. Open one to approve it, reject it or ask for changes; the submitter is told by email.',
  moderationPanelNone: 'Nothing waits for moderation.',
  moderationPanelCount: 'Waiting: {{count}}',
  moderationPanelAll: 'All pending submissions',
  moderationPanelReceived: 'Received',
  moderationPanelKind: 'Kind',
  moderationPanelSubmission: 'Submission',
  personalDataTitle: 'Personal data of a submitter',
  personalDataIntro:
    'When someone asks what the portal holds about them, or asks for deletion: enter the email address they used in the forms.',
  personalDataEmail: 'Email address',
  personalDataExport: 'Export (JSON)',
  personalDataErase: 'Erase',
  personalDataConfirm:
    'Erase the contact details of every submission sent with {{email}}? Pending and rejected submissions are deleted with their images; approved ones stay without the contact details. This cannot be undone.',
  personalDataErased: 'Done: {{deleted}} deleted, {{anonymised}} kept without contact details.',
  personalDataFound: 'Submissions found: {{count}}',
  personalDataFailed: 'That did not work: {{error}}',
  translationTitle: 'Translations',
  translationIntro:
    'Per language: complete, missing texts, or outdated (the source text changed after the translation was saved).',
  translationStateSource: 'source language',
  translationStateComplete: 'complete',
  translationStateMissing: 'missing',
  translationStateOutdated: 'outdated',
  translationStateUnknown: 'not computed yet (save once)',
  translationMissingTexts: 'Missing: {{fields}}',
  translationOutdatedTexts: 'Source changed: {{fields}}',
  translationExport: 'Export for translation',
  translationExportLink: '{{language}} ({{format}})',
  translationSaveFirst: 'Save the document first; then its texts can be exported for translation.',
  translationImportTitle: 'Import a translated file',
  translationImportFile: 'XLIFF or CSV file exported here',
  translationImportCheck: 'Check',
  translationImportApply: 'Import',
  translationImportAccept:
    'Also import texts whose source changed after the export (they stay marked outdated)',
  translationImportPublish: 'Publish at once (otherwise a draft is saved)',
  translationImportChanges: '{{count}} text(s) would change. Check them, then import.',
  translationImportApplied: '{{count}} text(s) imported. Reload the page to see them.',
  translationImportNoChange: 'Nothing would change.',
  translationImportWarnings: 'Warnings',
  translationImportFailed: 'The file was not imported: {{error}}',
  translationText: 'Text',
  translationBefore: 'Before',
  translationAfter: 'After',
  overviewTitle: 'Your work',
  overviewIntro: 'What needs attention among the documents you can edit.',
  overviewNoImage: 'Upcoming events without an image or its alternative text',
  overviewMissingTranslations: 'Upcoming events missing translations',
  overviewDrafts: 'Drafts not published',
  overviewScheduled: 'Scheduled publications',
  overviewStaleResources: 'Resources not reviewed for 12 months',
  overviewNone: 'Nothing here.',
  overviewItem: 'Document',
  overviewWhen: 'When',
  overviewLanguages: 'Languages to do',
  overviewPublish: 'publish',
  overviewUnpublish: 'unpublish',
  overviewNever: 'never',
  translateNextTitle: 'Translate next',
  translateNextIntro:
    'Per language, what residents will meet soonest: upcoming events first, then pages, resources and the plan.',
  translateNextCount: '{{language}}: {{count}} to translate',
  translateNextNone: 'Nothing to translate.',
  translateNextAllIn: '{{collection}}: all {{count}} that need {{language}}',
  fetchCountLinked: 'Already from another calendar (linked)',
  fetchCountNewVenues: 'New venues to check',
  overviewVenuesToCheck: 'Venues made by the calendar import, to check',
  fetchPanelTitle: 'Last fetch',
  fetchPanelNever: 'Not fetched yet.',
  fetchPanelWhen: 'When',
  fetchPanelResult: 'Result',
  fetchPanelFailures: 'Failed {{count}} time(s) in a row; next try {{next}}.',
  fetchCountNew: 'New',
  fetchCountUpdated: 'Updated',
  fetchCountUnchanged: 'Unchanged',
  fetchCountRemoved: 'Removed from the source',
  fetchCountSkipped: 'Skipped',
  fetchPanelSkipped: 'Skipped events and why',
  fetchNowButton: 'Fetch now',
  fetchNowRunning: 'Fetching…',
  fetchNowDone: '{{result}} Reload the page to see the details.',
  fetchNowFailed: 'The fetch did not run: {{error}}',
  fetchNowSaveFirst: 'Save the source first; then it can be fetched.',
  fetchNowSignIn: 'Sign in to the admin first.',
  fetchNowNotFound:
    'No such calendar source, or you may not read it. Check the address and your rights.',
  fetchNowForbidden:
    'Only those who may change this calendar source can fetch it. Ask an editor of its commune or the coordinator.',
  fetchNowTooMany:
    'Too many fetches in a short time. Try again in {{minutes}} minutes; sources are also fetched on their own every hour or so.',
  overviewFailingSources: 'Calendar sources whose last fetch failed',
  overviewResult: 'Result',
  importPanelTitle: 'From the calendar “{{source}}”',
  importPanelIntro:
    'Each fetch brings the calendar’s changes. A part changed here keeps your version: the calendar no longer changes it.',
  importPanelFromSource: 'Kept up to date by the calendar',
  importPanelChangedHere: 'Changed here, kept at the next fetch',
  importPartDates: 'Dates and times',
  importPartChangedDates: 'Changed occurrences',
  importPartStatus: 'Status',
  importPartCommunes: 'Communes',
  importPartOrganiser: 'Organiser',
  importPartCategories: 'Categories',
  importPartTargetGroups: 'Target groups',
  importPartTitle: 'Title',
  importPartDescription: 'Description',
  importPartStatusReason: 'Status reason',
}

export type MessageKey = keyof typeof en

const fr: Record<MessageKey, string> = {
  digestTitle: 'Événements par e-mail',
  digestIntro:
    'Voyez le résumé que reçoit un·e lecteur·rice d’une commune dans une langue : les événements de la semaine (ou du mois) d’après ce qui est publié maintenant.',
  digestCounts:
    'Abonné·es : {{confirmed}} confirmé·es, {{unconfirmed}} en attente de confirmation, {{paused}} en pause après des échecs de distribution.',
  digestCommune: 'Commune',
  digestRegion: 'Toute la région',
  digestLanguage: 'Langue',
  digestPeriod: 'Période',
  digestThisWeek: 'Cette semaine',
  digestNextWeek: 'La semaine prochaine',
  digestThisMonth: 'Ce mois-ci',
  digestPreview: 'Aperçu',
  digestNothing: 'Rien ne correspond dans cette période : aucun e-mail ne serait envoyé.',
  digestNotPublished: 'Rien n’est encore publié : publiez d’abord.',
  unknownReference:
    'Aucun élément {{collection}} avec l’identifiant {{ids}} n’existe (il a peut-être été supprimé). Choisissez-en un dans la liste.',
  requiredInSourceLanguage:
    '{{field}} est obligatoire dans la langue source ({{language}}). Passez à la langue {{language}} pour le remplir, ou changez la langue source.',
  endBeforeStart:
    'La fin ({{end}}) est avant le début ({{start}}). Indiquez une fin après le début.',
  durationTooLong:
    'Un événement dure au plus {{days}} jours. Pour une activité plus longue, utilisez une récurrence ou une action.',
  recurrenceNeedsEnd:
    'Une récurrence doit avoir une fin : indiquez « jusqu’au » ou « nombre » (pas les deux), pour limiter le nombre de dates.',
  recurrenceBothEnds: 'Indiquez « jusqu’au » ou « nombre », pas les deux.',
  recurrenceUntilBeforeStart: '« Jusqu’au » ({{until}}) est avant la première date ({{start}}).',
  recurrenceTooLong:
    'Cette récurrence se termine plus de {{years}} ans après son début. Créez plutôt une nouvelle série.',
  recurrenceTooMany:
    'Cette récurrence produit plus de {{max}} dates. Raccourcissez-la (« jusqu’au » plus tôt ou « nombre » plus petit).',
  recurrenceWeekdaysOnlyWeekly:
    'Les jours de la semaine ne s’appliquent qu’à une récurrence hebdomadaire.',
  recurrenceIntervalRange: 'L’intervalle doit être un nombre entier entre 1 et {{max}}.',
  recurrenceFieldsWithoutFrequency:
    'Des détails de récurrence sont remplis sans fréquence. Choisissez une fréquence ou videz les détails.',
  statusNeedsReason: 'Expliquez pourquoi l’événement est {{status}} (motif), pour les habitants.',
  venueOrOnline: 'Choisissez un lieu ou indiquez un lien en ligne (ou les deux).',
  movedOnlineNeedsLink: 'Un événement passé en ligne a besoin du lien en ligne.',
  invalidUrl:
    'Saisissez une adresse web complète commençant par https:// (ou http://), par exemple https://www.example.lu/page.',
  invalidEmail: 'Saisissez une adresse e-mail valide, par exemple nom@example.lu.',
  invalidPhone:
    'Saisissez un numéro avec des chiffres, éventuellement précédé de + et de l’indicatif, par exemple +352 12 34 56.',
  amountRequired: 'Indiquez le prix en euros, ou cochez « gratuit ».',
  latitudeRange: 'La latitude doit être entre -90 et 90 (le Luxembourg est vers 49,6).',
  longitudeRange: 'La longitude doit être entre -180 et 180 (le Luxembourg est vers 6,1).',
  altRequired:
    'Décrivez l’image pour les personnes qui ne la voient pas (texte alternatif) dans la langue source ({{language}}).',
  fileTooLarge:
    'Le fichier fait {{size}} Mo ; la limite est de {{max}} Mo. Réduisez-le et réessayez.',
  fileTypeNotAccepted:
    '« {{name}} » n’est pas un fichier d’un type accepté ({{types}}) : son contenu a été vérifié, quel que soit son nom ou le type annoncé. Enregistrez-le dans l’un de ces formats et chargez-le de nouveau.',
  fileNameNotContentType:
    'Le nom « {{name}} » ne correspond pas au contenu du fichier ({{type}}). Chargez le fichier lui-même depuis votre appareil : son nom reçoit alors la bonne extension.',
  communeOutsideScope:
    'Vous ne pouvez ajouter ou retirer que vos communes ({{own}}), pas {{outside}}. Demandez au coordinateur pour les autres communes.',
  needsOwnCommune: 'Le document doit rester dans au moins une de vos communes ({{own}}).',
  organisationOutsideScope:
    'Une association ne peut créer et modifier que les documents de sa propre organisation ({{own}}).',
  associationCannotPublish:
    'Une association ne peut pas publier. Enregistrez un brouillon : un rédacteur de la commune le relit et le publie.',
  associationCannotUnpublish:
    'Une association ne peut pas dépublier ni remplacer un document publié. Enregistrez votre modification comme brouillon : un rédacteur de la commune la relit et la publie.',
  communeOutsideOrganisation:
    'Votre organisation est active à {{own}} ; {{outside}} n’est pas une de ses communes. Demandez au coordinateur de l’ajouter à votre organisation.',
  referenceOutOfReach:
    '{{field}} : {{collection}} {{ids}} n’est pas à votre disposition (il relève d’une autre commune ou organisation, ou n’est pas publié). Choisissez dans la liste.',
  organisationTypeStaffOnly:
    'Seul le coordinateur peut désigner une organisation comme coordinatrice du plan.',
  passwordTooShort: 'Le mot de passe doit comporter au moins {{min}} caractères.',
  passwordTooWeak:
    'Ce mot de passe est trop facile à deviner. Utilisez une phrase plus longue, par exemple quatre mots sans lien.',
  communeEditorNeedsCommunes: 'Un rédacteur communal doit être lié à au moins une commune.',
  associationNeedsOrganisation: 'Un compte association doit être lié à son organisation.',
  signInTooMany:
    'Trop de tentatives de connexion depuis votre réseau. Réessayez dans {{minutes}} minutes.',
  signInHeldBack:
    'Trop d’échecs de connexion pour cette adresse depuis votre réseau. Réessayez dans {{minutes}} minutes, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ».',
  resetTooMany:
    'Trop de demandes de réinitialisation du mot de passe depuis votre réseau. Réessayez dans {{minutes}} minutes.',
  codeFormat:
    'Un code de commune au Luxembourg a quatre chiffres (code STATEC, par exemple 1205 pour Remich).',
  validToBeforeValidFrom: '« Valable jusqu’au » est avant « valable à partir du ».',
  indicatorTargetEqualsBaseline:
    'La cible est égale à la valeur de départ : le progrès ne peut pas être mesuré. Changez l’une des deux.',
  periodEndBeforeStart: 'La fin de la période est avant son début.',
  buildPanelTitle: 'Publications du site public',
  buildPanelIntro:
    'Les modifications publiées sont en ligne en une demi-minute environ. Une publication ratée laisse le site tel quel.',
  buildPanelNone: 'Aucune publication depuis le démarrage du serveur avec cette base de données.',
  buildRequested: 'Demandée',
  buildStatus: 'État',
  buildReason: 'Modifications',
  buildDuration: 'Durée',
  buildPages: 'Pages',
  buildStatusQueued: 'en attente',
  buildStatusRunning: 'en cours',
  buildStatusSucceeded: 'en ligne',
  buildStatusFailed: 'échouée',
  buildLastError: 'Dernier échec ({{when}}) : {{error}}',
  buildAll: 'Toutes les publications',
  reportsTitle: 'Rapports et CSV',
  reportsIntro:
    'Téléchargez les données du plan pour un tableur (UTF-8 ; point-virgule pour Excel en français ou en allemand), ou importez des actions et des valeurs d’indicateurs depuis un CSV fait à partir de l’export des actions.',
  reportsActions: 'Actions et indicateurs',
  reportsEvents: 'Événements avec participants',
  reportsResources: 'Ressources',
  reportsComma: 'virgule',
  reportsSemicolon: 'point-virgule',
  reportsImport: 'Importer des actions et des valeurs d’indicateurs',
  reportsFile: 'Fichier CSV',
  reportsCheck: 'Vérifier (ne change rien)',
  reportsApply: 'Appliquer ces changements',
  reportsNoChange: 'Le fichier correspond au portail : rien à changer.',
  reportsChanges: 'Changements : {{count}}',
  reportsApplied: 'Appliqué : {{count}} changements.',
  reportsErrors: 'Rien n’a été changé. Corrigez ces lignes et vérifiez à nouveau :',
  reportsLine: 'Ligne',
  reportsFrom: 'Avant',
  reportsTo: 'Après',
  reportsWhat: 'Quoi',
  attendanceNeedsParticipants: 'Indiquez le nombre de participants avant les tranches d’âge.',
  attendanceAgesTooMany:
    'Les tranches d’âge totalisent {{sum}}, plus que les {{participants}} participants.',
  submissionNeedsReason:
    'Indiquez un motif : il est envoyé à la personne qui a fait la proposition.',
  kindInitiative: 'initiative',
  kindEvent: 'proposition d’événement',
  moderationEmailSubject: 'À modérer : {{kind}} « {{title}} »',
  moderationEmailBody:
    'Une nouvelle {{kind}} est arrivée par le formulaire public : « {{title}} ».\n\nOuvrez-la pour l’approuver, la refuser ou demander des modifications (la personne qui l’a envoyée est prévenue par e-mail) :\n{{link}}\n\nVous recevez ce message parce que vous modérez les propositions de l’une des communes concernées.',
  moderationPanelTitle: 'À modérer',
  moderationPanelIntro:
    'Initiatives et propositions d’événements envoyées par les formulaires publics. Ouvrez-en une pour l’approuver, la refuser ou demander des modifications ; la personne est prévenue par e-mail.',
  moderationPanelNone: 'Rien n’attend de modération.',
  moderationPanelCount: 'En attente : {{count}}',
  moderationPanelAll: 'Toutes les propositions en attente',
  moderationPanelReceived: 'Reçue',
  moderationPanelKind: 'Type',
  moderationPanelSubmission: 'Proposition',
  personalDataTitle: 'Données personnelles d’une personne',
  personalDataIntro:
    'Quand une personne demande ce que le portail conserve à son sujet, ou demande l’effacement : saisissez l’adresse e-mail utilisée dans les formulaires.',
  personalDataEmail: 'Adresse e-mail',
  personalDataExport: 'Exporter (JSON)',
  personalDataErase: 'Effacer',
  personalDataConfirm:
    'Effacer les coordonnées de toutes les propositions envoyées avec {{email}} ? Les propositions en attente et refusées sont supprimées avec leurs images ; celles approuvées restent, sans coordonnées. C’est irréversible.',
  personalDataErased:
    'Fait : {{deleted}} supprimée(s), {{anonymised}} conservée(s) sans coordonnées.',
  personalDataFound: 'Propositions trouvées : {{count}}',
  personalDataFailed: 'Cela n’a pas fonctionné : {{error}}',
  translationTitle: 'Traductions',
  translationIntro:
    'Par langue : complète, textes manquants, ou périmée (le texte source a changé après l’enregistrement de la traduction).',
  translationStateSource: 'langue source',
  translationStateComplete: 'complète',
  translationStateMissing: 'manquante',
  translationStateOutdated: 'périmée',
  translationStateUnknown: 'pas encore calculé (enregistrer une fois)',
  translationMissingTexts: 'Manquent : {{fields}}',
  translationOutdatedTexts: 'Source modifiée : {{fields}}',
  translationExport: 'Exporter pour traduction',
  translationExportLink: '{{language}} ({{format}})',
  translationSaveFirst:
    'Enregistrez d’abord le document ; ses textes pourront ensuite être exportés pour traduction.',
  translationImportTitle: 'Importer un fichier traduit',
  translationImportFile: 'Fichier XLIFF ou CSV exporté ici',
  translationImportCheck: 'Vérifier',
  translationImportApply: 'Importer',
  translationImportAccept:
    'Importer aussi les textes dont la source a changé après l’export (ils restent marqués périmés)',
  translationImportPublish: 'Publier tout de suite (sinon un brouillon est enregistré)',
  translationImportChanges: '{{count}} texte(s) changerai(en)t. Vérifiez-les, puis importez.',
  translationImportApplied: '{{count}} texte(s) importé(s). Rechargez la page pour les voir.',
  translationImportNoChange: 'Rien ne changerait.',
  translationImportWarnings: 'Avertissements',
  translationImportFailed: 'Le fichier n’a pas été importé : {{error}}',
  translationText: 'Texte',
  translationBefore: 'Avant',
  translationAfter: 'Après',
  overviewTitle: 'Votre travail',
  overviewIntro: 'Ce qui demande votre attention parmi les documents que vous pouvez modifier.',
  overviewNoImage: 'Événements à venir sans image ou sans texte alternatif',
  overviewMissingTranslations: 'Événements à venir avec des traductions manquantes',
  overviewDrafts: 'Brouillons non publiés',
  overviewScheduled: 'Publications programmées',
  overviewStaleResources: 'Ressources non vérifiées depuis 12 mois',
  overviewNone: 'Rien ici.',
  overviewItem: 'Document',
  overviewWhen: 'Quand',
  overviewLanguages: 'Langues à faire',
  overviewPublish: 'publier',
  overviewUnpublish: 'dépublier',
  overviewNever: 'jamais',
  translateNextTitle: 'À traduire ensuite',
  translateNextIntro:
    'Par langue, ce que les habitants verront le plus tôt : d’abord les événements à venir, puis les pages, les ressources et le plan.',
  translateNextCount: '{{language}} : {{count}} à traduire',
  translateNextNone: 'Rien à traduire.',
  translateNextAllIn: '{{collection}} : les {{count}} qui demandent {{language}}',
  fetchCountLinked: 'Déjà importés d’un autre calendrier (liés)',
  fetchCountNewVenues: 'Nouveaux lieux à vérifier',
  overviewVenuesToCheck: 'Lieux créés par l’import de calendriers, à vérifier',
  fetchPanelTitle: 'Dernière récupération',
  fetchPanelNever: 'Pas encore récupéré.',
  fetchPanelWhen: 'Quand',
  fetchPanelResult: 'Résultat',
  fetchPanelFailures: 'Échec {{count}} fois de suite ; prochain essai {{next}}.',
  fetchCountNew: 'Nouveaux',
  fetchCountUpdated: 'Mis à jour',
  fetchCountUnchanged: 'Inchangés',
  fetchCountRemoved: 'Retirés de la source',
  fetchCountSkipped: 'Ignorés',
  fetchPanelSkipped: 'Événements ignorés et pourquoi',
  fetchNowButton: 'Récupérer maintenant',
  fetchNowRunning: 'Récupération…',
  fetchNowDone: '{{result}} Rechargez la page pour voir le détail.',
  fetchNowFailed: 'La récupération n’a pas eu lieu : {{error}}',
  fetchNowSaveFirst: 'Enregistrez d’abord la source ; elle pourra ensuite être récupérée.',
  fetchNowSignIn: 'Connectez-vous d’abord à l’administration.',
  fetchNowNotFound:
    'Cette source de calendrier n’existe pas, ou vous ne pouvez pas la lire. Vérifiez l’adresse et vos droits.',
  fetchNowForbidden:
    'Seules les personnes qui peuvent modifier cette source peuvent la récupérer. Demandez à un éditeur de sa commune ou au coordinateur.',
  fetchNowTooMany:
    'Trop de récupérations en peu de temps. Réessayez dans {{minutes}} minutes ; les sources sont aussi récupérées d’elles-mêmes environ toutes les heures.',
  overviewFailingSources: 'Calendriers importés dont la dernière récupération a échoué',
  overviewResult: 'Résultat',
  importPanelTitle: 'Du calendrier « {{source}} »',
  importPanelIntro:
    'Chaque récupération apporte les changements du calendrier. Une partie modifiée ici garde votre version : le calendrier ne la change plus.',
  importPanelFromSource: 'Tenu à jour par le calendrier',
  importPanelChangedHere: 'Modifié ici, gardé à la prochaine récupération',
  importPartDates: 'Dates et heures',
  importPartChangedDates: 'Dates modifiées',
  importPartStatus: 'Statut',
  importPartCommunes: 'Communes',
  importPartOrganiser: 'Organisateur',
  importPartCategories: 'Catégories',
  importPartTargetGroups: 'Publics cibles',
  importPartTitle: 'Titre',
  importPartDescription: 'Description',
  importPartStatusReason: 'Motif du statut',
}

const de: Record<MessageKey, string> = {
  digestTitle: 'Veranstaltungen per E-Mail',
  digestIntro:
    'Sehen Sie die E-Mail, die Leser:innen einer Gemeinde in einer Sprache erhalten: die Veranstaltungen der Woche (oder des Monats) nach dem, was jetzt veröffentlicht ist.',
  digestCounts:
    'Abonnent:innen: {{confirmed}} bestätigt, {{unconfirmed}} warten auf Bestätigung, {{paused}} pausiert nach Zustellfehlern.',
  digestCommune: 'Gemeinde',
  digestRegion: 'Die ganze Region',
  digestLanguage: 'Sprache',
  digestPeriod: 'Zeitraum',
  digestThisWeek: 'Diese Woche',
  digestNextWeek: 'Nächste Woche',
  digestThisMonth: 'Diesen Monat',
  digestPreview: 'Vorschau',
  digestNothing: 'In diesem Zeitraum passt nichts: Es würde keine E-Mail verschickt.',
  digestNotPublished: 'Noch nichts veröffentlicht: bitte zuerst veröffentlichen.',
  unknownReference:
    'Es gibt kein {{collection}}-Element mit der ID {{ids}} (vielleicht wurde es gelöscht). Wählen Sie eines aus der Liste.',
  requiredInSourceLanguage:
    '{{field}} ist in der Ausgangssprache ({{language}}) Pflicht. Wechseln Sie zur Sprache {{language}} und füllen Sie es aus, oder ändern Sie die Ausgangssprache.',
  endBeforeStart:
    'Das Ende ({{end}}) liegt vor dem Beginn ({{start}}). Wählen Sie ein Ende nach dem Beginn.',
  durationTooLong:
    'Eine Veranstaltung dauert höchstens {{days}} Tage. Für längere Aktivitäten nutzen Sie eine Wiederholung oder eine Aktion.',
  recurrenceNeedsEnd:
    'Eine Wiederholung braucht ein Ende: „bis“ oder „Anzahl“ (nicht beides), damit die Zahl der Termine begrenzt ist.',
  recurrenceBothEnds: 'Geben Sie „bis“ oder „Anzahl“ an, nicht beides.',
  recurrenceUntilBeforeStart: '„Bis“ ({{until}}) liegt vor dem ersten Termin ({{start}}).',
  recurrenceTooLong:
    'Diese Wiederholung endet mehr als {{years}} Jahre nach ihrem Beginn. Legen Sie stattdessen eine neue Reihe an.',
  recurrenceTooMany:
    'Diese Wiederholung ergibt mehr als {{max}} Termine. Kürzen Sie sie (früheres „bis“ oder kleinere „Anzahl“).',
  recurrenceWeekdaysOnlyWeekly: 'Wochentage gibt es nur bei wöchentlicher Wiederholung.',
  recurrenceIntervalRange: 'Das Intervall muss eine ganze Zahl zwischen 1 und {{max}} sein.',
  recurrenceFieldsWithoutFrequency:
    'Es sind Details zur Wiederholung gesetzt, aber keine Häufigkeit. Wählen Sie eine Häufigkeit oder leeren Sie die Details.',
  statusNeedsReason:
    'Sagen Sie, warum die Veranstaltung {{status}} ist (Grund), damit die Bürger es verstehen.',
  venueOrOnline: 'Wählen Sie einen Ort oder geben Sie einen Online-Link an (oder beides).',
  movedOnlineNeedsLink: 'Eine online verlegte Veranstaltung braucht den Online-Link.',
  invalidUrl:
    'Geben Sie eine vollständige Webadresse mit https:// (oder http://) ein, zum Beispiel https://www.example.lu/seite.',
  invalidEmail: 'Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@example.lu.',
  invalidPhone:
    'Geben Sie eine Telefonnummer aus Ziffern ein, eventuell mit + und Ländervorwahl, zum Beispiel +352 12 34 56.',
  amountRequired: 'Geben Sie den Preis in Euro an oder kreuzen Sie „kostenlos“ an.',
  latitudeRange: 'Die Breite muss zwischen -90 und 90 liegen (Luxemburg liegt bei etwa 49,6).',
  longitudeRange: 'Die Länge muss zwischen -180 und 180 liegen (Luxemburg liegt bei etwa 6,1).',
  altRequired:
    'Beschreiben Sie das Bild für Menschen, die es nicht sehen (Alternativtext), in der Ausgangssprache ({{language}}).',
  fileTooLarge:
    'Die Datei hat {{size}} MB; erlaubt sind {{max}} MB. Verkleinern Sie sie und laden Sie sie erneut hoch.',
  fileTypeNotAccepted:
    '„{{name}}“ ist keine Datei eines erlaubten Typs ({{types}}): Geprüft wurde ihr Inhalt, nicht ihr Name oder der angegebene Typ. Speichern Sie sie in einem dieser Formate und laden Sie sie erneut hoch.',
  fileNameNotContentType:
    'Der Name „{{name}}“ passt nicht zum Inhalt der Datei ({{type}}). Laden Sie die Datei selbst von Ihrem Gerät hoch: Ihr Name erhält dann die richtige Endung.',
  communeOutsideScope:
    'Sie können nur Ihre eigenen Gemeinden ({{own}}) hinzufügen oder entfernen, nicht {{outside}}. Für andere Gemeinden wenden Sie sich an die Koordination.',
  needsOwnCommune: 'Das Dokument muss in mindestens einer Ihrer Gemeinden ({{own}}) bleiben.',
  organisationOutsideScope:
    'Vereine können nur Dokumente ihrer eigenen Organisation ({{own}}) anlegen und bearbeiten.',
  associationCannotPublish:
    'Vereine können nicht veröffentlichen. Speichern Sie einen Entwurf: die Gemeinde prüft und veröffentlicht ihn.',
  associationCannotUnpublish:
    'Vereine können ein veröffentlichtes Dokument weder zurückziehen noch überschreiben. Speichern Sie Ihre Änderung als Entwurf: die Gemeinde prüft und veröffentlicht sie.',
  communeOutsideOrganisation:
    'Ihre Organisation ist in {{own}} tätig; {{outside}} gehört nicht zu ihren Gemeinden. Bitten Sie die Koordination, sie Ihrer Organisation hinzuzufügen.',
  referenceOutOfReach:
    '{{field}}: {{collection}} {{ids}} steht Ihnen nicht zur Verfügung (gehört zu einer anderen Gemeinde oder Organisation oder ist nicht veröffentlicht). Wählen Sie aus der Liste.',
  organisationTypeStaffOnly:
    'Nur die Koordination kann eine Organisation als Koordination des Plans kennzeichnen.',
  passwordTooShort: 'Das Passwort muss mindestens {{min}} Zeichen haben.',
  passwordTooWeak:
    'Das Passwort ist zu leicht zu erraten. Nehmen Sie einen längeren Satz, zum Beispiel vier Wörter ohne Zusammenhang.',
  communeEditorNeedsCommunes:
    'Ein Gemeinde-Redakteur muss mindestens einer Gemeinde zugeordnet sein.',
  associationNeedsOrganisation: 'Ein Vereinskonto muss seiner Organisation zugeordnet sein.',
  signInTooMany:
    'Zu viele Anmeldeversuche aus Ihrem Netzwerk. Versuchen Sie es in {{minutes}} Minuten erneut.',
  signInHeldBack:
    'Zu viele fehlgeschlagene Anmeldungen für diese Adresse aus Ihrem Netzwerk. Versuchen Sie es in {{minutes}} Minuten erneut oder legen Sie mit „Passwort vergessen“ ein neues Passwort fest.',
  resetTooMany:
    'Zu viele Anfragen zum Zurücksetzen des Passworts aus Ihrem Netzwerk. Versuchen Sie es in {{minutes}} Minuten erneut.',
  codeFormat:
    'Eine Gemeindekennziffer in Luxemburg hat vier Ziffern (STATEC-Code, zum Beispiel 1205 für Remich).',
  validToBeforeValidFrom: '„Gültig bis“ liegt vor „gültig ab“.',
  indicatorTargetEqualsBaseline:
    'Der Zielwert ist gleich dem Ausgangswert, so lässt sich kein Fortschritt messen. Ändern Sie einen der beiden.',
  periodEndBeforeStart: 'Das Ende des Zeitraums liegt vor seinem Beginn.',
  buildPanelTitle: 'Builds der öffentlichen Website',
  buildPanelIntro:
    'Veröffentlichte Änderungen sind in etwa einer halben Minute online. Ein fehlgeschlagener Build lässt die Website unverändert.',
  buildPanelNone: 'Seit dem Start des Servers mit dieser Datenbank lief noch kein Build.',
  buildRequested: 'Angefordert',
  buildStatus: 'Status',
  buildReason: 'Änderungen',
  buildDuration: 'Dauer',
  buildPages: 'Seiten',
  buildStatusQueued: 'wartet',
  buildStatusRunning: 'läuft',
  buildStatusSucceeded: 'online',
  buildStatusFailed: 'fehlgeschlagen',
  buildLastError: 'Letzter Fehler ({{when}}): {{error}}',
  buildAll: 'Alle Builds',
  reportsTitle: 'Berichte und CSV',
  reportsIntro:
    'Laden Sie die Daten des Plans für eine Tabellenkalkulation herunter (UTF-8; Semikolon für Excel auf Deutsch oder Französisch), oder importieren Sie Aktionen und Indikatorwerte aus einer CSV-Datei auf Basis des Aktionen-Exports.',
  reportsActions: 'Aktionen und Indikatoren',
  reportsEvents: 'Veranstaltungen mit Teilnehmenden',
  reportsResources: 'Angebote',
  reportsComma: 'Komma',
  reportsSemicolon: 'Semikolon',
  reportsImport: 'Aktionen und Indikatorwerte importieren',
  reportsFile: 'CSV-Datei',
  reportsCheck: 'Prüfen (ändert nichts)',
  reportsApply: 'Diese Änderungen übernehmen',
  reportsNoChange: 'Die Datei entspricht dem Portal: nichts zu ändern.',
  reportsChanges: 'Änderungen: {{count}}',
  reportsApplied: 'Übernommen: {{count}} Änderungen.',
  reportsErrors: 'Nichts wurde geändert. Korrigieren Sie diese Zeilen und prüfen Sie erneut:',
  reportsLine: 'Zeile',
  reportsFrom: 'Vorher',
  reportsTo: 'Nachher',
  reportsWhat: 'Was',
  attendanceNeedsParticipants: 'Geben Sie die Zahl der Teilnehmenden vor den Altersgruppen an.',
  attendanceAgesTooMany:
    'Die Altersgruppen ergeben zusammen {{sum}}, mehr als die {{participants}} Teilnehmenden.',
  submissionNeedsReason:
    'Geben Sie einen Grund an: Er wird an die Person geschickt, die den Vorschlag eingereicht hat.',
  kindInitiative: 'Initiative',
  kindEvent: 'Veranstaltungsvorschlag',
  moderationEmailSubject: 'Zu prüfen: {{kind}} „{{title}}“',
  moderationEmailBody:
    'Über das öffentliche Formular ist eingegangen: {{kind}} „{{title}}“.\n\nÖffnen Sie den Vorschlag, um ihn anzunehmen, abzulehnen oder um Änderungen zu bitten (die einreichende Person wird per E-Mail benachrichtigt):\n{{link}}\n\nSie erhalten diese Nachricht, weil Sie Vorschläge für eine der betroffenen Gemeinden prüfen.',
  moderationPanelTitle: 'Zu prüfen',
  moderationPanelIntro:
    'Initiativen und Veranstaltungsvorschläge aus den öffentlichen Formularen. Öffnen Sie einen Vorschlag, um ihn anzunehmen, abzulehnen oder um Änderungen zu bitten; die Person wird per E-Mail benachrichtigt.',
  moderationPanelNone: 'Nichts wartet auf Prüfung.',
  moderationPanelCount: 'Wartend: {{count}}',
  moderationPanelAll: 'Alle wartenden Vorschläge',
  moderationPanelReceived: 'Eingegangen',
  moderationPanelKind: 'Art',
  moderationPanelSubmission: 'Vorschlag',
  personalDataTitle: 'Personenbezogene Daten einer einreichenden Person',
  personalDataIntro:
    'Wenn jemand wissen möchte, was das Portal über ihn speichert, oder die Löschung verlangt: Geben Sie die E-Mail-Adresse ein, die in den Formularen verwendet wurde.',
  personalDataEmail: 'E-Mail-Adresse',
  personalDataExport: 'Exportieren (JSON)',
  personalDataErase: 'Löschen',
  personalDataConfirm:
    'Die Kontaktdaten aller mit {{email}} gesendeten Vorschläge löschen? Wartende und abgelehnte Vorschläge werden mit ihren Bildern gelöscht; angenommene bleiben ohne Kontaktdaten. Das kann nicht rückgängig gemacht werden.',
  personalDataErased: 'Erledigt: {{deleted}} gelöscht, {{anonymised}} ohne Kontaktdaten behalten.',
  personalDataFound: 'Gefundene Vorschläge: {{count}}',
  personalDataFailed: 'Das hat nicht funktioniert: {{error}}',
  translationTitle: 'Übersetzungen',
  translationIntro:
    'Je Sprache: vollständig, fehlende Texte oder veraltet (der Ausgangstext wurde nach dem Speichern der Übersetzung geändert).',
  translationStateSource: 'Ausgangssprache',
  translationStateComplete: 'vollständig',
  translationStateMissing: 'fehlt',
  translationStateOutdated: 'veraltet',
  translationStateUnknown: 'noch nicht berechnet (einmal speichern)',
  translationMissingTexts: 'Fehlt: {{fields}}',
  translationOutdatedTexts: 'Ausgangstext geändert: {{fields}}',
  translationExport: 'Zur Übersetzung exportieren',
  translationExportLink: '{{language}} ({{format}})',
  translationSaveFirst:
    'Speichern Sie das Dokument zuerst; dann können seine Texte zur Übersetzung exportiert werden.',
  translationImportTitle: 'Übersetzte Datei importieren',
  translationImportFile: 'Hier exportierte XLIFF- oder CSV-Datei',
  translationImportCheck: 'Prüfen',
  translationImportApply: 'Importieren',
  translationImportAccept:
    'Auch Texte importieren, deren Ausgangstext sich nach dem Export geändert hat (sie bleiben als veraltet markiert)',
  translationImportPublish: 'Sofort veröffentlichen (sonst wird ein Entwurf gespeichert)',
  translationImportChanges:
    '{{count}} Text(e) würden sich ändern. Prüfen Sie sie und importieren Sie dann.',
  translationImportApplied:
    '{{count}} Text(e) importiert. Laden Sie die Seite neu, um sie zu sehen.',
  translationImportNoChange: 'Nichts würde sich ändern.',
  translationImportWarnings: 'Warnungen',
  translationImportFailed: 'Die Datei wurde nicht importiert: {{error}}',
  translationText: 'Text',
  translationBefore: 'Vorher',
  translationAfter: 'Nachher',
  overviewTitle: 'Ihre Arbeit',
  overviewIntro: 'Was bei den Dokumenten, die Sie bearbeiten dürfen, Aufmerksamkeit braucht.',
  overviewNoImage: 'Kommende Veranstaltungen ohne Bild oder ohne Alternativtext',
  overviewMissingTranslations: 'Kommende Veranstaltungen mit fehlenden Übersetzungen',
  overviewDrafts: 'Nicht veröffentlichte Entwürfe',
  overviewScheduled: 'Geplante Veröffentlichungen',
  overviewStaleResources: 'Angebote seit 12 Monaten nicht geprüft',
  overviewNone: 'Nichts zu tun.',
  overviewItem: 'Dokument',
  overviewWhen: 'Wann',
  overviewLanguages: 'Offene Sprachen',
  overviewPublish: 'veröffentlichen',
  overviewUnpublish: 'zurückziehen',
  overviewNever: 'nie',
  translateNextTitle: 'Als Nächstes übersetzen',
  translateNextIntro:
    'Je Sprache, was die Einwohner am ehesten sehen: zuerst kommende Veranstaltungen, dann Seiten, Angebote und der Plan.',
  translateNextCount: '{{language}}: {{count}} zu übersetzen',
  translateNextNone: 'Nichts zu übersetzen.',
  translateNextAllIn: '{{collection}}: alle {{count}}, die {{language}} brauchen',
  fetchCountLinked: 'Schon aus einem anderen Kalender (verknüpft)',
  fetchCountNewVenues: 'Neue Orte zum Prüfen',
  overviewVenuesToCheck: 'Vom Kalenderimport angelegte Orte, zu prüfen',
  fetchPanelTitle: 'Letzter Abruf',
  fetchPanelNever: 'Noch nicht abgerufen.',
  fetchPanelWhen: 'Wann',
  fetchPanelResult: 'Ergebnis',
  fetchPanelFailures: '{{count}}-mal nacheinander fehlgeschlagen; nächster Versuch {{next}}.',
  fetchCountNew: 'Neu',
  fetchCountUpdated: 'Aktualisiert',
  fetchCountUnchanged: 'Unverändert',
  fetchCountRemoved: 'Aus der Quelle entfernt',
  fetchCountSkipped: 'Übersprungen',
  fetchPanelSkipped: 'Übersprungene Veranstaltungen und warum',
  fetchNowButton: 'Jetzt abrufen',
  fetchNowRunning: 'Wird abgerufen…',
  fetchNowDone: '{{result}} Laden Sie die Seite neu, um die Einzelheiten zu sehen.',
  fetchNowFailed: 'Der Abruf lief nicht: {{error}}',
  fetchNowSaveFirst: 'Speichern Sie die Quelle zuerst; dann kann sie abgerufen werden.',
  fetchNowSignIn: 'Melden Sie sich zuerst in der Verwaltung an.',
  fetchNowNotFound:
    'Diese Kalenderquelle gibt es nicht, oder Sie dürfen sie nicht lesen. Prüfen Sie die Adresse und Ihre Rechte.',
  fetchNowForbidden:
    'Nur wer diese Kalenderquelle ändern darf, kann sie abrufen. Fragen Sie eine Redaktion ihrer Gemeinde oder die Koordination.',
  fetchNowTooMany:
    'Zu viele Abrufe in kurzer Zeit. Versuchen Sie es in {{minutes}} Minuten erneut; Quellen werden außerdem etwa stündlich von selbst abgerufen.',
  overviewFailingSources: 'Kalenderquellen, deren letzter Abruf fehlschlug',
  overviewResult: 'Ergebnis',
  importPanelTitle: 'Aus dem Kalender „{{source}}“',
  importPanelIntro:
    'Jeder Abruf bringt die Änderungen des Kalenders. Ein hier geänderter Teil behält Ihre Fassung: Der Kalender ändert ihn nicht mehr.',
  importPanelFromSource: 'Vom Kalender aktuell gehalten',
  importPanelChangedHere: 'Hier geändert, beim nächsten Abruf behalten',
  importPartDates: 'Daten und Uhrzeiten',
  importPartChangedDates: 'Geänderte Termine',
  importPartStatus: 'Status',
  importPartCommunes: 'Gemeinden',
  importPartOrganiser: 'Veranstalter',
  importPartCategories: 'Kategorien',
  importPartTargetGroups: 'Zielgruppen',
  importPartTitle: 'Titel',
  importPartDescription: 'Beschreibung',
  importPartStatusReason: 'Grund für den Status',
}

const pt: Record<MessageKey, string> = {
  digestTitle: 'Eventos por e-mail',
  digestIntro:
    'Veja o resumo que um leitor de um município recebe numa língua: os eventos da semana (ou do mês) a partir do que está publicado agora.',
  digestCounts:
    'Assinantes: {{confirmed}} confirmados, {{unconfirmed}} à espera de confirmação, {{paused}} em pausa após falhas de entrega.',
  digestCommune: 'Município',
  digestRegion: 'Toda a região',
  digestLanguage: 'Língua',
  digestPeriod: 'Período',
  digestThisWeek: 'Esta semana',
  digestNextWeek: 'Próxima semana',
  digestThisMonth: 'Este mês',
  digestPreview: 'Pré-visualizar',
  digestNothing: 'Nada corresponde neste período: não seria enviado nenhum e-mail.',
  digestNotPublished: 'Ainda nada está publicado: publique primeiro.',
  unknownReference:
    'Não existe nenhum elemento {{collection}} com o identificador {{ids}} (pode ter sido apagado). Escolha um da lista.',
  requiredInSourceLanguage:
    '{{field}} é obrigatório na língua de origem ({{language}}). Mude para a língua {{language}} e preencha, ou altere a língua de origem.',
  endBeforeStart: 'O fim ({{end}}) é antes do início ({{start}}). Indique um fim depois do início.',
  durationTooLong:
    'Um evento dura no máximo {{days}} dias. Para atividades mais longas use uma repetição ou uma ação.',
  recurrenceNeedsEnd:
    'Uma repetição precisa de fim: indique «até» ou «número» (não ambos), para limitar o número de datas.',
  recurrenceBothEnds: 'Indique «até» ou «número», não ambos.',
  recurrenceUntilBeforeStart: '«Até» ({{until}}) é antes da primeira data ({{start}}).',
  recurrenceTooLong:
    'Esta repetição termina mais de {{years}} anos depois do início. Crie antes uma nova série.',
  recurrenceTooMany:
    'Esta repetição produz mais de {{max}} datas. Encurte-a («até» mais cedo ou «número» menor).',
  recurrenceWeekdaysOnlyWeekly: 'Os dias da semana só se aplicam a uma repetição semanal.',
  recurrenceIntervalRange: 'O intervalo deve ser um número inteiro entre 1 e {{max}}.',
  recurrenceFieldsWithoutFrequency:
    'Há detalhes de repetição sem frequência. Escolha uma frequência ou apague os detalhes.',
  statusNeedsReason:
    'Explique porque o evento está {{status}} (motivo), para os residentes perceberem.',
  venueOrOnline: 'Escolha um local ou indique uma ligação online (ou ambos).',
  movedOnlineNeedsLink: 'Um evento que passou para online precisa da ligação online.',
  invalidUrl:
    'Introduza um endereço web completo que comece por https:// (ou http://), por exemplo https://www.example.lu/pagina.',
  invalidEmail: 'Introduza um endereço de e-mail válido, por exemplo nome@example.lu.',
  invalidPhone:
    'Introduza um número só com algarismos, opcionalmente com + e o indicativo, por exemplo +352 12 34 56.',
  amountRequired: 'Indique o preço em euros, ou marque «gratuito».',
  latitudeRange: 'A latitude deve estar entre -90 e 90 (o Luxemburgo está perto de 49,6).',
  longitudeRange: 'A longitude deve estar entre -180 e 180 (o Luxemburgo está perto de 6,1).',
  altRequired:
    'Descreva a imagem para quem não a consegue ver (texto alternativo) na língua de origem ({{language}}).',
  fileTooLarge: 'O ficheiro tem {{size}} MB; o limite é {{max}} MB. Reduza-o e carregue de novo.',
  fileTypeNotAccepted:
    '«{{name}}» não é um ficheiro de um tipo aceite ({{types}}): foi verificado o conteúdo, não o nome nem o tipo declarado. Guarde-o num destes formatos e carregue-o de novo.',
  fileNameNotContentType:
    'O nome «{{name}}» não corresponde ao conteúdo do ficheiro ({{type}}). Carregue o próprio ficheiro a partir do seu dispositivo: o nome recebe então a extensão certa.',
  communeOutsideScope:
    'Só pode acrescentar ou retirar as suas comunas ({{own}}), não {{outside}}. Para outras comunas, fale com a coordenação.',
  needsOwnCommune: 'O documento tem de ficar em pelo menos uma das suas comunas ({{own}}).',
  organisationOutsideScope:
    'As associações só podem criar e editar documentos da sua própria organização ({{own}}).',
  associationCannotPublish:
    'As associações não podem publicar. Guarde um rascunho: um editor da comuna revê-o e publica-o.',
  associationCannotUnpublish:
    'As associações não podem despublicar nem substituir um documento publicado. Guarde a alteração como rascunho: um editor da comuna revê-a e publica-a.',
  communeOutsideOrganisation:
    'A sua organização atua em {{own}}; {{outside}} não é uma das suas comunas. Peça à coordenação que a acrescente à sua organização.',
  referenceOutOfReach:
    '{{field}}: {{collection}} {{ids}} não está ao seu dispor (pertence a outra comuna ou organização, ou não está publicado). Escolha da lista.',
  organisationTypeStaffOnly:
    'Só a coordenação pode marcar uma organização como coordenadora do plano.',
  passwordTooShort: 'A palavra-passe deve ter pelo menos {{min}} caracteres.',
  passwordTooWeak:
    'A palavra-passe é demasiado fácil de adivinhar. Use uma frase mais longa, por exemplo quatro palavras sem relação.',
  communeEditorNeedsCommunes: 'Um editor de comuna tem de estar ligado a pelo menos uma comuna.',
  associationNeedsOrganisation: 'Uma conta de associação tem de estar ligada à sua organização.',
  signInTooMany:
    'Demasiadas tentativas de início de sessão a partir da sua rede. Tente novamente dentro de {{minutes}} minutos.',
  signInHeldBack:
    'Demasiadas tentativas falhadas de início de sessão para este endereço a partir da sua rede. Tente novamente dentro de {{minutes}} minutos ou defina uma nova palavra-passe com «Esqueci a senha».',
  resetTooMany:
    'Demasiados pedidos de reposição da palavra-passe a partir da sua rede. Tente novamente dentro de {{minutes}} minutos.',
  codeFormat:
    'Um código de comuna no Luxemburgo tem quatro algarismos (código STATEC, por exemplo 1205 para Remich).',
  validToBeforeValidFrom: '«Válido até» é antes de «válido desde».',
  indicatorTargetEqualsBaseline:
    'A meta é igual ao valor de partida, por isso o progresso não pode ser medido. Altere um dos dois.',
  periodEndBeforeStart: 'O fim do período é antes do início.',
  buildPanelTitle: 'Publicações do site público',
  buildPanelIntro:
    'As alterações publicadas ficam online em cerca de meio minuto. Uma publicação falhada deixa o site como estava.',
  buildPanelNone: 'Nenhuma publicação desde que o servidor arrancou com esta base de dados.',
  buildRequested: 'Pedida',
  buildStatus: 'Estado',
  buildReason: 'Alterações',
  buildDuration: 'Duração',
  buildPages: 'Páginas',
  buildStatusQueued: 'em espera',
  buildStatusRunning: 'em curso',
  buildStatusSucceeded: 'online',
  buildStatusFailed: 'falhou',
  buildLastError: 'Última falha ({{when}}): {{error}}',
  buildAll: 'Todas as publicações',
  reportsTitle: 'Relatórios e CSV',
  reportsIntro:
    'Descarregue os dados do plano para uma folha de cálculo (UTF-8; ponto e vírgula para o Excel em francês ou alemão), ou importe ações e valores de indicadores a partir de um CSV feito com a exportação das ações.',
  reportsActions: 'Ações e indicadores',
  reportsEvents: 'Eventos com participantes',
  reportsResources: 'Recursos',
  reportsComma: 'vírgula',
  reportsSemicolon: 'ponto e vírgula',
  reportsImport: 'Importar ações e valores de indicadores',
  reportsFile: 'Ficheiro CSV',
  reportsCheck: 'Verificar (não altera nada)',
  reportsApply: 'Aplicar estas alterações',
  reportsNoChange: 'O ficheiro corresponde ao portal: nada a alterar.',
  reportsChanges: 'Alterações: {{count}}',
  reportsApplied: 'Aplicado: {{count}} alterações.',
  reportsErrors: 'Nada foi alterado. Corrija estas linhas e verifique de novo:',
  reportsLine: 'Linha',
  reportsFrom: 'Antes',
  reportsTo: 'Depois',
  reportsWhat: 'O quê',
  attendanceNeedsParticipants: 'Indique o número de participantes antes dos grupos etários.',
  attendanceAgesTooMany:
    'Os grupos etários somam {{sum}}, mais do que os {{participants}} participantes.',
  submissionNeedsReason: 'Indique um motivo: é enviado à pessoa que fez a proposta.',
  kindInitiative: 'iniciativa',
  kindEvent: 'proposta de evento',
  moderationEmailSubject: 'Para moderar: {{kind}} “{{title}}”',
  moderationEmailBody:
    'Chegou pelo formulário público uma nova {{kind}}: “{{title}}”.\n\nAbra-a para a aprovar, recusar ou pedir alterações (a pessoa que a enviou é avisada por email):\n{{link}}\n\nRecebe esta mensagem porque modera as propostas de uma das comunas em causa.',
  moderationPanelTitle: 'Para moderar',
  moderationPanelIntro:
    'Iniciativas e propostas de eventos enviadas pelos formulários públicos. Abra uma para a aprovar, recusar ou pedir alterações; a pessoa é avisada por email.',
  moderationPanelNone: 'Nada aguarda moderação.',
  moderationPanelCount: 'Em espera: {{count}}',
  moderationPanelAll: 'Todas as propostas em espera',
  moderationPanelReceived: 'Recebida',
  moderationPanelKind: 'Tipo',
  moderationPanelSubmission: 'Proposta',
  personalDataTitle: 'Dados pessoais de quem enviou propostas',
  personalDataIntro:
    'Quando alguém pergunta que dados o portal guarda sobre si, ou pede o apagamento: introduza o endereço de email usado nos formulários.',
  personalDataEmail: 'Endereço de email',
  personalDataExport: 'Exportar (JSON)',
  personalDataErase: 'Apagar',
  personalDataConfirm:
    'Apagar os contactos de todas as propostas enviadas com {{email}}? As propostas em espera e recusadas são apagadas com as suas imagens; as aprovadas ficam, sem contactos. Não pode ser desfeito.',
  personalDataErased: 'Feito: {{deleted}} apagada(s), {{anonymised}} mantida(s) sem contactos.',
  personalDataFound: 'Propostas encontradas: {{count}}',
  personalDataFailed: 'Não funcionou: {{error}}',
  translationTitle: 'Traduções',
  translationIntro:
    'Por língua: completa, textos em falta ou desatualizada (o texto de origem mudou depois de a tradução ser guardada).',
  translationStateSource: 'língua de origem',
  translationStateComplete: 'completa',
  translationStateMissing: 'em falta',
  translationStateOutdated: 'desatualizada',
  translationStateUnknown: 'ainda não calculado (guardar uma vez)',
  translationMissingTexts: 'Em falta: {{fields}}',
  translationOutdatedTexts: 'Origem alterada: {{fields}}',
  translationExport: 'Exportar para tradução',
  translationExportLink: '{{language}} ({{format}})',
  translationSaveFirst:
    'Guarde primeiro o documento; depois os textos podem ser exportados para tradução.',
  translationImportTitle: 'Importar um ficheiro traduzido',
  translationImportFile: 'Ficheiro XLIFF ou CSV exportado aqui',
  translationImportCheck: 'Verificar',
  translationImportApply: 'Importar',
  translationImportAccept:
    'Importar também os textos cuja origem mudou depois da exportação (continuam marcados como desatualizados)',
  translationImportPublish: 'Publicar já (caso contrário é guardado um rascunho)',
  translationImportChanges: '{{count}} texto(s) mudaria(m). Verifique-os e depois importe.',
  translationImportApplied: '{{count}} texto(s) importado(s). Recarregue a página para os ver.',
  translationImportNoChange: 'Nada mudaria.',
  translationImportWarnings: 'Avisos',
  translationImportFailed: 'O ficheiro não foi importado: {{error}}',
  translationText: 'Texto',
  translationBefore: 'Antes',
  translationAfter: 'Depois',
  overviewTitle: 'O seu trabalho',
  overviewIntro: 'O que precisa de atenção nos documentos que pode editar.',
  overviewNoImage: 'Próximos eventos sem imagem ou sem texto alternativo',
  overviewMissingTranslations: 'Próximos eventos com traduções em falta',
  overviewDrafts: 'Rascunhos não publicados',
  overviewScheduled: 'Publicações agendadas',
  overviewStaleResources: 'Recursos não revistos há 12 meses',
  overviewNone: 'Nada aqui.',
  overviewItem: 'Documento',
  overviewWhen: 'Quando',
  overviewLanguages: 'Línguas por fazer',
  overviewPublish: 'publicar',
  overviewUnpublish: 'despublicar',
  overviewNever: 'nunca',
  translateNextTitle: 'Traduzir a seguir',
  translateNextIntro:
    'Por língua, o que os residentes verão primeiro: os próximos eventos, depois as páginas, os recursos e o plano.',
  translateNextCount: '{{language}}: {{count}} por traduzir',
  translateNextNone: 'Nada por traduzir.',
  translateNextAllIn: '{{collection}}: os {{count}} que precisam de {{language}}',
  fetchCountLinked: 'Já importados de outro calendário (ligados)',
  fetchCountNewVenues: 'Novos locais a verificar',
  overviewVenuesToCheck: 'Locais criados pela importação de calendários, a verificar',
  fetchPanelTitle: 'Última obtenção',
  fetchPanelNever: 'Ainda não obtido.',
  fetchPanelWhen: 'Quando',
  fetchPanelResult: 'Resultado',
  fetchPanelFailures: 'Falhou {{count}} vez(es) seguida(s); próxima tentativa {{next}}.',
  fetchCountNew: 'Novos',
  fetchCountUpdated: 'Atualizados',
  fetchCountUnchanged: 'Sem alterações',
  fetchCountRemoved: 'Retirados da fonte',
  fetchCountSkipped: 'Ignorados',
  fetchPanelSkipped: 'Eventos ignorados e porquê',
  fetchNowButton: 'Obter agora',
  fetchNowRunning: 'A obter…',
  fetchNowDone: '{{result}} Recarregue a página para ver os detalhes.',
  fetchNowFailed: 'A obtenção não foi feita: {{error}}',
  fetchNowSaveFirst: 'Guarde primeiro a fonte; depois pode ser obtida.',
  fetchNowSignIn: 'Inicie primeiro sessão na administração.',
  fetchNowNotFound:
    'Esta fonte de calendário não existe, ou não a pode ler. Verifique o endereço e os seus direitos.',
  fetchNowForbidden:
    'Só quem pode alterar esta fonte de calendário a pode obter. Peça a um editor do seu município ou ao coordenador.',
  fetchNowTooMany:
    'Demasiadas obtenções em pouco tempo. Tente de novo dentro de {{minutes}} minutos; as fontes também são obtidas automaticamente mais ou menos de hora a hora.',
  overviewFailingSources: 'Calendários importados cuja última obtenção falhou',
  overviewResult: 'Resultado',
  importPanelTitle: 'Do calendário «{{source}}»',
  importPanelIntro:
    'Cada obtenção traz as alterações do calendário. Uma parte alterada aqui mantém a sua versão: o calendário deixa de a alterar.',
  importPanelFromSource: 'Mantido atualizado pelo calendário',
  importPanelChangedHere: 'Alterado aqui, mantido na próxima obtenção',
  importPartDates: 'Datas e horas',
  importPartChangedDates: 'Datas alteradas',
  importPartStatus: 'Estado',
  importPartCommunes: 'Comunas',
  importPartOrganiser: 'Organizador',
  importPartCategories: 'Categorias',
  importPartTargetGroups: 'Públicos-alvo',
  importPartTitle: 'Título',
  importPartDescription: 'Descrição',
  importPartStatusReason: 'Motivo do estado',
}

export const messages: Record<AdminLanguage, Record<MessageKey, string>> = { en, fr, de, pt }

function isAdminLanguage(value: unknown): value is AdminLanguage {
  return typeof value === 'string' && (adminLanguages as readonly string[]).includes(value)
}

/** A message in the language of the editor's admin UI (English when unknown). */
export function message(
  key: MessageKey,
  language: string | undefined,
  vars: Record<string, string | number> = {},
): string {
  const table = messages[isAdminLanguage(language) ? language : 'en']
  return table[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(vars[name] ?? `{{${name}}}`),
  )
}

/** The same, reading the language from a Payload request. */
export function requestMessage(
  req: Pick<PayloadRequest, 'i18n'> | undefined,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  return message(key, req?.i18n?.language, vars)
}
