import { Fn, LbListener, ref, Token, type Construct } from '../cdk/aws.js';

/** TLS 1.3 and 1.2 only (AWS's recommended ALB policy). */
const TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

export interface AlbListeners {
  readonly http: LbListener;
  readonly https: LbListener;
  /** The listener that serves traffic: HTTPS when a certificate is given, else HTTP (for listener rules). */
  readonly servingListenerArn: string;
}

/**
 * An ALB's two listeners: with a certificate (an ACM ARN, a Terraform variable), HTTPS forwards to
 * `targetGroupArn` and HTTP only redirects to it; without one ("" ), there is no HTTPS listener and
 * HTTP forwards. One HTTP listener whose action follows the variable, so adding a certificate
 * updates it in place (two listeners on port 80 swapped by count would collide during the apply).
 */
export function albListeners(scope: Construct, loadBalancerArn: string, certificateArn: string, targetGroupArn: string): AlbListeners {
  // (Op.neq(arn, '') would not do: cdktf's operators render falsy literals such as '' and 0 as `undefined`.)
  const withCertificate = Fn.startswith(certificateArn, 'arn:');
  const https = new LbListener(scope, 'https', {
    count: Token.asNumber(Fn.conditional(withCertificate, 1, 0)),
    loadBalancerArn,
    port: 443,
    protocol: 'HTTPS',
    sslPolicy: TLS_POLICY,
    certificateArn,
    defaultAction: [{ type: 'forward', targetGroupArn }],
  });
  const http = new LbListener(scope, 'http', { loadBalancerArn, port: 80, protocol: 'HTTP', defaultAction: [{ type: 'forward' }] });
  // cdktf cannot put a dynamic block inside a nested block: written as Terraform JSON directly.
  http.addOverride('default_action.0.type', Fn.conditional(withCertificate, 'redirect', 'forward'));
  http.addOverride('default_action.0.target_group_arn', Fn.conditional(withCertificate, Token.nullValue(), targetGroupArn));
  http.addOverride('default_action.0.dynamic.redirect', { for_each: Fn.conditional(withCertificate, ['https'], []), content: { port: '443', protocol: 'HTTPS', status_code: 'HTTP_301' } });
  // `one([...])` is null when count is 0: rules then attach to the HTTP listener.
  const servingListenerArn = Token.asString(Fn.coalesce([Fn.one(ref(`${https.terraformResourceType}.${https.friendlyUniqueId}[*].arn`)), http.arn]));
  return { http, https, servingListenerArn };
}
