import { EC2Client, type EC2ClientConfig } from '@aws-sdk/client-ec2';

const NODE_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/** An EC2Client made without the SDK's Node-version warning (see createPricingClient for why). */
export function createEc2Client(config: EC2ClientConfig): EC2Client {
  const before = process.env[NODE_WARNING_SWITCH];
  if (before === undefined) process.env[NODE_WARNING_SWITCH] = 'true';
  try {
    return new EC2Client(config);
  } finally {
    if (before === undefined) delete process.env[NODE_WARNING_SWITCH];
  }
}
