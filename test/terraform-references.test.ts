import { rewriteForEach } from '../src/triggers/reference-entries';
import { findReferences } from '../src/triggers/terraform-references';

describe('findReferences', () => {
  test.each([
    ['a resource attribute', '${aws_lambda_function.fn.invoke_arn}', ['aws_lambda_function.fn.invoke_arn']],
    ['a reference inside a longer string', 'arn:${aws_lambda_alias.live.arn}/invocations', ['aws_lambda_alias.live.arn']],
    ['two references in one string', '${var.a}-${local.b}', ['local.b', 'var.a']],
    ['a data source', '${data.aws_region.current.name}', ['data.aws_region.current.name']],
    ['a module output', '${module.network.vpc_id}', ['module.network.vpc_id']],
    ['function arguments', '${lower(aws_sns_topic.t.arn)}', ['aws_sns_topic.t.arn']],
    ['literal indexes', '${aws_x.y[0].arn} ${aws_x.z["k"].arn}', ['aws_x.y[0].arn', 'aws_x.z["k"].arn']],
    ['an index known only inside the resource', '${aws_x.y[count.index].arn}', ['aws_x.y[*].arn']],
    ['what an index known only at plan time reads', '${var.backends[var.env]} ${local.m[local.k].uri} ${aws_x.fns[var.pick].arn}',
      ['aws_x.fns[*].arn', 'local.k', 'local.m[*].uri', 'var.backends[*]', 'var.env', 'var.pick']],
    ['templates nested in string literals', '${format("%s", "${aws_x.y.id}")}', ['aws_x.y.id']],
    ['no attribute of a function result', '${jsondecode(var.doc).aws_x.y}', ['var.doc']],
    ["an instance's attribute through values()", '${values(aws_x.fns)[0].invoke_arn} ${values( aws_x.gs )[*].arn}', ['aws_x.fns[*].invoke_arn', 'aws_x.gs[*].arn']],
    ['values() of the whole object, or without an attribute after it', '${length(values(aws_x.fns))} ${values(aws_x.gs)[0]}', ['aws_x.fns', 'aws_x.gs']],
    ['the attributes a for over a whole object reads of each instance', '${[for k, f in aws_x.fns : f.invoke_arn][0]}', ['aws_x.fns[*].invoke_arn']],
    ['a for over values() with a condition', '${one([for f in values(aws_x.fns) : f.arn if f.name == "a"])}', ['aws_x.fns[*].arn', 'aws_x.fns[*].name']],
    ['a for that uses the value whole, or only the keys: the whole object', '${[for f in aws_x.fns : f][0].arn} ${[for k, g in aws_x.gs : k]}',
      ['aws_x.fns', 'aws_x.gs']],
    ['a reference after a minus (a negation, a subtraction), not the rest of a name with a hyphen',
      '${-var.offset} ${100-var.n} ${length(var.l)-var.m} ${local.my-var.x}', ['local.my-var.x', 'var.l', 'var.m', 'var.n', 'var.offset']],
    ['references beside literal text that reads like a for ("for data in")', '## Scan for data in the table\n${data.aws_ssm_parameter.t.value} for var in ${var.x}',
      ['data.aws_ssm_parameter.t.value', 'var.x']],
  ])('finds %s', (_case, text, expected) => {
    expect(findReferences({ value: text })).toEqual(expected);
  });

  test('a key that is itself a template is no literal key: any instance, and what the key reads', () => {
    expect(findReferences({ uri: '${var.backends["svc-${var.env}"]}' })).toEqual(['var.backends[*]', 'var.env']);
  });

  test('finds the references in the keys of a map (Terraform reads a key as a template too)', () => {
    expect(findReferences({ request_parameters: { 'method.request.header.${var.tenant_header}': true } })).toEqual(['var.tenant_header']);
  });

  test.each([
    ['each', '${each.value.name}'],
    ['count', '${count.index}'],
    ['self', '${self.id}'],
    ['path', '${path.module}/x'],
    ['string literal contents', '${replace(var.x, "aws_fake.name.attr", "")}'],
    ['escaped interpolations', '$${aws_x.y.id}'],
    ['text without interpolation', 'aws_x.y.id'],
    ['for-expression variables', '${[for v in var.list : v.id]}'],
    ['for-expression variables shaped like resources', '${[for backend_item in var.list : backend_item.url][0]}'],
    ['key and value variables of a for expression', '${{for item_key, item_value in var.list : item_key => item_value.url}}'],
    ['variables of a for directive', '%{ for backend_item in var.list }${backend_item.url} %{ endfor }'],
  ])('ignores %s', (_case, text) => {
    expect(findReferences([text]).filter((reference) => reference !== 'var.x' && reference !== 'var.list')).toEqual([]);
  });

  test("a dynamic block's iterator (its label, or its iterator argument) is no reference inside it", () => {
    expect(findReferences({
      dynamic: {
        response_parameters: { for_each: '${var.params}', content: { status_code: '${response_parameters.key}', mappings: '${response_parameters.value}' } },
        tls_config: { for_each: '${var.tls}', iterator: 'tls_item', content: { server_name: '${tls_item.value}', other: '${aws_x.y.id}' } },
      },
      after: '${response_parameters_table.name.id}',
    })).toEqual(['aws_x.y.id', 'response_parameters_table.name.id', 'var.params', 'var.tls']);
  });

  test('walks nested objects and arrays and returns each reference once, sorted', () => {
    expect(findReferences({ a: ['${var.z}', { b: '${var.a}' }], c: '${var.z}', d: 3, e: null })).toEqual(['var.a', 'var.z']);
  });
});

describe('rewriteForEach', () => {
  test.each([
    ['an instance of a for_each resource: the values of every instance', 'aws_x.fns[*].arn', 'values(aws_x.fns)[*].arn'],
    ['an instance of a counted resource: the splat', 'aws_x.counted[*].arn', 'aws_x.counted[*].arn'],
    ['a variable or a local indexed by a value (it may be a map, where a splat fails the plan): the whole value', 'local.m[*].uri', 'local.m'],
    ['a variable indexed by a value', 'var.backends[*]', 'var.backends'],
    ["another stack's output (cdktf's remote state) indexed by a value", 'data.terraform_remote_state.s.outputs.routes[*].uri', 'data.terraform_remote_state.s.outputs.routes'],
    ["a resource's attribute indexed by a value", 'aws_x.counted.tags[*]', 'aws_x.counted.tags'],
  ])('%s', (_case, reference, expected) => {
    expect(rewriteForEach([reference], () => new Set(['aws_x.fns']))).toEqual([expected]);
  });
});
