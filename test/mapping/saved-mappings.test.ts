import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../support/databases.js';
import { createSavedMappingsRepository, type SavedMapping } from '../../src/imports/saved-mappings.repository.js';
import { headerSignature, matchHeaders } from '../../src/imports/mapping/header-matching.js';
import { STANDARD_FIELDS } from '../../src/imports/targets.js';
import { createRepositories } from '../../src/app/app-context.js';
import { createTeam } from '../../src/teams/team-service.js';

describeOnBothDatabases('saved mappings', (suite) => {
  const teamIds: number[] = [];
  const repository = () => createSavedMappingsRepository(suite.app.db, suite.app.dialect);
  const team = async (index: number): Promise<number> => {
    while (teamIds.length <= index) teamIds.push((await createTeam(createRepositories(suite.app), { name: `mapping-team-${teamIds.length}` })).id);
    return teamIds[index] as number;
  };

  it('gives back a saved mapping as it was saved, ignored columns and odd header names included', async () => {
    const mapping: SavedMapping = [['Mobile No.', 'mobile'], ['Notes', null], ['__proto__', null], ['constructor', 'note'], ['电话', 'phone']];
    await repository().save(await team(0), 'individual', 'h1:abc', mapping);
    assert.deepEqual(await repository().find(await team(0), 'individual', 'h1:abc'), mapping);
    assert.equal(Object.getOwnPropertyNames(Object.prototype).includes('mobile'), false);
  });

  it('replaces the mapping saved for the same team, owner and headers, keeping one row', async () => {
    const teamId = await team(0);
    await repository().save(teamId, 'campaign:7', 'h1:same', [['Tel', 'phone']]);
    await repository().save(teamId, 'campaign:7', 'h1:same', [['Tel', 'mobile']]);
    assert.deepEqual(await repository().find(teamId, 'campaign:7', 'h1:same'), [['Tel', 'mobile']]);
    const rows = await suite.app.db.selectFrom('saved_mappings').select('mapping').where('team_id', '=', teamId).where('owner', '=', 'campaign:7').execute();
    assert.equal(rows.length, 1);
  });

  it('treats a stored mapping that is not a list of header/field pairs as none', async () => {
    const teamId = await team(0);
    for (const [signature, text] of [['h1:bad-json', '{not json'], ['h1:bad-shape', '{"Tel":"phone"}'], ['h1:bad-pair', '[["Tel", 5]]']]) {
      await suite.app.db.insertInto('saved_mappings').values({ team_id: teamId, owner: 'individual', header_signature: signature as string, mapping: text as string, updated_at: Date.now() }).execute();
      assert.equal(await repository().find(teamId, 'individual', signature as string), undefined, text);
    }
  });

  it('keeps mappings apart by team and by owner, and finds none for other headers', async () => {
    const [first, second] = [await team(0), await team(1)];
    await repository().save(first, 'organization', 'h1:iso', [['Company', 'name']]);
    assert.equal(await repository().find(second, 'organization', 'h1:iso'), undefined);
    assert.equal(await repository().find(first, 'individual', 'h1:iso'), undefined);
    assert.equal(await repository().find(first, 'organization', 'h1:other'), undefined);
  });

  it('maps a later file with the same headers the way the user left the first one', async () => {
    const teamId = await team(0);
    const fields = STANDARD_FIELDS.individual;
    // First file: automatic matching, then the user corrects two columns and ignores one.
    const firstHeaders = ['Customer', 'Contact No', 'Column 3', 'Remarks', 'Internal ID'];
    const proposed = matchHeaders({ headers: firstHeaders, samples: [['Ann', '415-555-0134', 'ann@example.com', 'VIP', '77']], fields });
    assert.deepEqual(proposed.map((match) => match.field), ['name', 'phone', 'email', 'note', null]);
    const chosen: SavedMapping = proposed.map((match) => [match.header, match.field]);
    chosen[0] = ['Customer', 'company'];
    chosen[3] = ['Remarks', null];
    chosen[4] = ['Internal ID', 'note'];
    await repository().save(teamId, 'individual', headerSignature(firstHeaders), chosen);

    // Later file: the same headers, in another order and spelling of case and spaces.
    const laterHeaders = ['internal id', 'REMARKS', 'Customer', 'Column 3', 'Contact  No'];
    assert.equal(headerSignature(laterHeaders), headerSignature(firstHeaders));
    const saved = await repository().find(teamId, 'individual', headerSignature(laterHeaders));
    assert.ok(saved);
    const matches = matchHeaders({ headers: laterHeaders, samples: [], fields, saved: new Map(saved) });
    assert.deepEqual(matches.map((match) => [match.header, match.field, match.source]), [
      ['internal id', 'note', 'saved'],
      ['REMARKS', null, 'saved'],
      ['Customer', 'company', 'saved'],
      ['Column 3', 'email', 'saved'],
      ['Contact  No', 'phone', 'saved'],
    ]);
  });
});
