/**
 * Documents not in English give a W_LANGUAGE warning naming the language, and no records: read as English
 * they would give nonsense. The Welsh and French texts here are written for the test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { nonEnglishLanguage } from '../src/text/language.js';
import { readAllCorpus } from '../scripts/corpus.js';

const welsh = `Cofnodion cyfarfod Cyngor Cymuned a gynhaliwyd yn Neuadd y Pentref nos Fercher am saith o'r gloch.
Yn bresennol: y Cadeirydd, yr Is-gadeirydd a phump o gynghorwyr, ynghyd â'r Clerc.
Ymddiheuriadau: derbyniwyd ymddiheuriadau gan ddau gynghorydd.
Datgan buddiant: ni ddatganwyd unrhyw fuddiant.
Cofnodion: cytunwyd bod cofnodion y cyfarfod diwethaf yn gywir a llofnodwyd hwy gan y Cadeirydd.
Materion yn codi: adroddodd y Clerc ei bod wedi ysgrifennu at y Cyngor Sir ynglŷn â chyflwr y ffordd ger yr ysgol, ac nad oedd ateb wedi dod eto.
Cynllunio: ystyriwyd cais i godi estyniad i dŷ yn y pentref; nid oedd gan y cyngor unrhyw wrthwynebiad.
Cyllid: cymeradwywyd taliadau i'r Clerc am ei chyflog ac i'r cwmni sy'n torri'r glaswellt yn y fynwent.
Gohebiaeth: derbyniwyd llythyr gan yr heddlu yn sôn am gyfarfod cyhoeddus y mis nesaf.
Unrhyw fater arall: gofynnwyd i'r Clerc drefnu bod y goleuadau stryd yn cael eu trwsio cyn gynted â phosibl.
Dyddiad y cyfarfod nesaf: yr ail nos Fercher o'r mis nesaf yn Neuadd y Pentref.`;

const french = `Procès-verbal de la séance du conseil municipal tenue à la mairie le mardi à dix-neuf heures.
Étaient présents le maire, les adjoints et sept conseillers municipaux; absents excusés: deux conseillers.
Le procès-verbal de la séance précédente est adopté à l'unanimité et signé par le maire.
Le conseil municipal, après en avoir délibéré, décide d'approuver le budget primitif de la commune pour l'année et autorise le maire à signer les conventions avec le département.
Le maire informe le conseil que les travaux de voirie commenceront au printemps et que la salle des fêtes sera fermée pendant les travaux.
Questions diverses: un conseiller demande que l'éclairage public soit réparé dans la rue principale; le secrétaire de mairie écrira à l'entreprise.
La séance est levée à vingt et une heures trente.`;

describe('the language of a document', () => {
  it('names Welsh and French, and reads none of their words as records', () => {
    expect(nonEnglishLanguage(welsh)).toEqual({ code: 'cym', name: 'Welsh' });
    expect(nonEnglishLanguage(french)).toEqual({ code: 'fra', name: 'French' });
    const doc = extract(welsh, { name: 'cyngor.txt' });
    expect(doc.warnings.map((w) => w.code)).toEqual(['W_LANGUAGE']);
    expect(doc.warnings[0].message).toMatch(/Welsh \(cym\)/);
    expect([...doc.discussionPoints, ...doc.resolutions, ...doc.actions, ...doc.witnesses, ...doc.declarations, ...doc.attendance]).toEqual([]);
  });

  it('leaves English alone: every gold text and fixture, and a few words of any language', () => {
    const texts = readAllCorpus().map((t) => [t.name, t.text] as const);
    for (const f of readdirSync('test/fixtures').filter((f) => f.endsWith('.txt'))) texts.push([f, readFileSync(`test/fixtures/${f}`, 'utf8')]);
    for (const [name, text] of texts) expect(nonEnglishLanguage(text), name).toBeNull();
    // Too little text to tell: never judged.
    expect(nonEnglishLanguage('Cofnodion y cyfarfod diwethaf')).toBeNull();
  });
});
