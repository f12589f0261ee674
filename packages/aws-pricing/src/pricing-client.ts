import { PricingClient, type PricingClientConfig } from '@aws-sdk/client-pricing';

const NODE_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * A PricingClient, made without the SDK's nine-line "will require node >=22" warning. The SDK
 * (@aws-sdk/core emitWarningIfUnsupportedVersion) checks the Node version once per process, when
 * the first client is made, and stays quiet when this variable is "true"; it is set only for that
 * moment. Node 20 stays supported for as long as the locked SDK version runs on it (see the README).
 */
export function createPricingClient(config: PricingClientConfig): PricingClient {
  const before = process.env[NODE_WARNING_SWITCH];
  if (before === undefined) process.env[NODE_WARNING_SWITCH] = 'true';
  try {
    return new PricingClient(config);
  } finally {
    if (before === undefined) delete process.env[NODE_WARNING_SWITCH];
  }
}
