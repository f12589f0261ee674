/**
 * The Price List Query API answers in three regions only. Any of them serves every region's
 * prices; the nearest one is picked: eu-central-1 for Europe, the Middle East and Africa,
 * ap-south-1 for Asia Pacific, us-east-1 for everything else.
 */
export function priceListEndpointRegion(region: string): 'us-east-1' | 'eu-central-1' | 'ap-south-1' {
  if (/^(eu|me|af|il)-/.test(region)) return 'eu-central-1';
  if (/^ap-/.test(region)) return 'ap-south-1';
  return 'us-east-1';
}
