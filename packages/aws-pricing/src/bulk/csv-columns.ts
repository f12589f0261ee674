// CSV offer files name product attributes for people ("Instance Type", "Pre Installed S/W",
// "vCPU") where the JSON files and GetProducts use attribute names ("instanceType",
// "preInstalledSw", "vcpu"). Both spellings agree once case and punctuation are dropped, so a
// column is matched to the attribute name the service definitions read through that form.

/** Every product attribute a service definition filters on or reads. */
export const KNOWN_ATTRIBUTES = [
  'alarmType',
  'cacheEngine',
  'capacitystatus',
  'currentGeneration',
  'databaseEngine',
  'deploymentOption',
  'fromLocation',
  'fromRegionCode',
  'gpu',
  'group',
  'groupDescription',
  'instanceFamily',
  'instanceType',
  'licenseModel',
  'location',
  'locationType',
  'marketoption',
  'memory',
  'memoryGib',
  'operatingSystem',
  'operation',
  'physicalProcessor',
  'preInstalledSw',
  'processorArchitecture',
  'regionCode',
  'servicecode',
  'servicename',
  'storageClass',
  'tenancy',
  'toLocation',
  'toRegionCode',
  'transferType',
  'usagetype',
  'vcpu',
  'volumeApiName',
  'volumeType',
] as const;

const normalize = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const BY_FORM = new Map<string, string>(KNOWN_ATTRIBUTES.map((a) => [normalize(a), a]));

/** "Instance Type" → "instanceType"; a column no definition reads keeps its normalized form. */
export function csvAttributeName(column: string): string {
  const form = normalize(column);
  return BY_FORM.get(form) ?? form;
}
