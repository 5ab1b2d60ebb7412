/**
 * The input variables the Terraform tests deploy an example with, by example name: what its user
 * passes with `cdktf deploy --var` (examples/custom-domains: its domain names and certificate).
 */
export const EXAMPLE_VARIABLES: Record<string, Record<string, string>> = {
  'custom-domains': {
    orders_domain_name: 'orders.example.com',
    chat_domain_name: 'chat.example.com',
    certificate_arn: 'arn:aws:acm:eu-west-2:123456789012:certificate/4e0b8b5a-0000-4000-8000-000000000000',
  },
};
