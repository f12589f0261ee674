// The service names live with the bill readers, so every source of actuals maps them alike.
export { EC2_OTHER, OTHER, ec2OtherService, knownAwsServices, modelService } from '@tier-planner/aws-billing';
