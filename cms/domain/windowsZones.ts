// Outlook and Exchange name time zones the Windows way ("W. Europe Standard Time", or its display
// name) instead of IANA's. These are the zones a calendar kept around the Moselle plausibly uses,
// after the CLDR windowsZones table (territory 001); an unknown name is refused, never guessed.

const windowsZones: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'GTB Standard Time': 'Europe/Bucharest',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Russian Standard Time': 'Europe/Moscow',
  'Azores Standard Time': 'Atlantic/Azores',
  'Cape Verde Standard Time': 'Atlantic/Cape_Verde',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'India Standard Time': 'Asia/Kolkata',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  UTC: 'Etc/UTC',
  // Display names, which some Outlook versions write as the TZID.
  '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna': 'Europe/Berlin',
  '(UTC+01:00) Brussels, Copenhagen, Madrid, Paris': 'Europe/Paris',
  '(UTC+01:00) Belgrade, Bratislava, Budapest, Ljubljana, Prague': 'Europe/Budapest',
  '(UTC+01:00) Sarajevo, Skopje, Warsaw, Zagreb': 'Europe/Warsaw',
  '(UTC+00:00) Dublin, Edinburgh, Lisbon, London': 'Europe/London',
  '(UTC) Coordinated Universal Time': 'Etc/UTC',
}

/** The IANA zone of a Windows zone name or display name, or null when it is not one. */
export function ianaOfWindowsZone(name: string): string | null {
  return windowsZones[name.trim()] ?? null
}
