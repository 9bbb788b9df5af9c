import { strict as assert } from 'node:assert';
import { checkCurls, checkJson, shellWords } from './check-example.js';
import { extractExamples } from './doc-examples.js';

const fence = '```';

describe('doc example extraction and contract checks', () => {
  it('when a sh, http or json block has no example comment, then extraction fails naming the line', () => {
    assert.throws(() => extractExamples('guide.md', `# Guide\n\n${fence}sh\ncurl -s x\n${fence}\n`), /guide\.md:3: a sh block needs/);
    assert.throws(() => extractExamples('guide.md', `<!-- example: skip -->\n${fence}sh\nnpm start\n${fence}\n`), /must say why/);
    const [only] = extractExamples('guide.md', `<!-- example: check request=registerCase -->\n\n${fence}json\n{}\n${fence}\n${fence}\nplain\n${fence}\n`);
    assert.deepEqual({ mode: only?.mode, params: only?.params, line: only?.line }, { mode: 'check', params: { request: 'registerCase' }, line: 3 });
  });

  it('when a checked curl names no route, or its body breaks the schema, then the check fails', () => {
    const example = (code: string) => ({ file: 'g.md', line: 1, lang: 'sh' as const, mode: 'check' as const, params: {}, code, where: 'g.md:1' });
    assert.equal(checkCurls(example(`curl -sf -X DELETE http://127.0.0.1:8080/v1/relays/0b1f3a52-6c1e-4d0a-9f67-1c2d3e4f5a6b`)), 1);
    assert.throws(() => checkCurls(example('curl -sf http://127.0.0.1:8080/v1/case/CASE-1')), /GET \/v1\/case\/CASE-1 is not an API route/);
    assert.throws(() => checkCurls(example(`curl -sf -X POST http://h/v1/cases/C1/relay \\\n  -d '{"purpose":"debt_collection","ttlSeconds":5}'`)), /ttlSeconds/);
    assert.throws(
      () => checkJson({ ...example('{"caseId":"C1","debtor":{"names":[]}}'), params: { request: 'registerCase' } }),
      /debtor\.names/,
    );
  });

  it('when a shell command is split into words, then quotes, escapes and variables are read as bash reads them', () => {
    assert.deepEqual(shellWords(`curl -d "{\\"confirm\\": \\"$PERSON\\"}" 'a b'`), ['curl', '-d', '{"confirm": "3f0c6f0e-8a5e-4c43-9a53-0d6a0b1e2f11"}', 'a b']);
  });
});
