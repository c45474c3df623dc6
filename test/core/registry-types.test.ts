import { describe, expect, expectTypeOf, it } from 'vitest';
import { OpBody, type OpType } from '../../core/index.ts';
import { OP_REGISTRY, type OpRegistry, type OpSpec } from '../../core/registry.ts';

/*
 * The @ts-expect-error lines are checked by `npx tsc -p .`: if the registry ever accepted an
 * operation without one of its parts, the directive would be unused and tsc would fail.
 */
describe('operation registry: the compiler refuses an operation without every part', () => {
  it('has exactly one entry per operation type the schema accepts', () => {
    expectTypeOf<keyof OpRegistry>().toEqualTypeOf<OpType>();
    const schemaTypes = OpBody.options.map((o) => o.shape.type.value).sort();
    expect(Object.keys(OP_REGISTRY).sort()).toEqual(schemaTypes);
  });

  it('an operation type without a registry entry does not compile', () => {
    // What a new operation type looks like to the registry before anyone wrote its entry.
    const { 'notice.publish': _missing, ...withoutOne } = OP_REGISTRY;
    // @ts-expect-error Property 'notice.publish' is missing
    const registry: OpRegistry = withoutOne;
    expect(Object.keys(registry)).not.toContain('notice.publish');
  });

  it('an entry without visibility does not compile', () => {
    const { visibility: _none, ...noVisibility } = OP_REGISTRY['request.note'];
    // @ts-expect-error Property 'visibility' is missing
    const spec: OpSpec<'request.note'> = noVisibility;
    expect(spec).not.toHaveProperty('visibility');
  });

  it('an entry without a purge rule does not compile', () => {
    const { purge: _none, ...noPurge } = OP_REGISTRY['thread.staff'];
    // @ts-expect-error Property 'purge' is missing
    const spec: OpSpec<'thread.staff'> = noPurge;
    expect(spec).not.toHaveProperty('purge');
  });

  it('a purge rule can only blank texts the operation carries', () => {
    // @ts-expect-error 'surname' is not a text of a staff message
    const spec: OpSpec<'thread.staff'> = { ...OP_REGISTRY['thread.staff'], purge: { texts: ['surname'], of: () => true } };
    expect(spec.purge).toMatchObject({ texts: ['surname'] });
  });

  it('an entry cannot show an operation to kiosks without saying in what form', () => {
    // @ts-expect-error Property 'kiosk' is missing
    const spec: OpSpec<'request.cancel'> = { ...OP_REGISTRY['request.cancel'], visibility: { to: 'everyone' } };
    expect(spec.visibility).not.toHaveProperty('kiosk');
  });

  it('an entry cannot take another operation type’s handler', () => {
    // @ts-expect-error the create handler does not take a note's operation
    const spec: OpSpec<'request.note'> = { ...OP_REGISTRY['request.note'], handler: OP_REGISTRY['request.create'].handler };
    expect(spec.handler).toBe(OP_REGISTRY['request.create'].handler);
  });
});
