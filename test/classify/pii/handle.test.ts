// Someone else's social-media account next to a platform word and a third person; the writer's
// own, an organisation's, a reply's leading handle and fediverse or Bluesky addresses are not.
import { describe, expect, it } from 'vitest';
import { findHandles } from '../../../src/classify/pii/handle.ts';
import type { Candidate } from '../../../src/classify/pii/context.ts';
import { values } from './helpers.ts';

describe('social-media handles of others', () => {
  it.each([
    ['Haar insta is @lotje.2012 en ze zit in groep 8', '@lotje.2012'],
    ['zn snap is kevin_vd_b09, die jongen uit 3b', 'kevin_vd_b09'],
    ['Die nieuwe klasgenoot heeft tiktok: @sem_doet_dingen', '@sem_doet_dingen'],
    ['Mijn zusje heeft stiekem een tiktok, @zoe.danst11', '@zoe.danst11'],
    ['het account @anouk.priv.x is van een meisje uit 2a', '@anouk.priv.x'],
  ])('finds the handle when its owner is not named: %j', (text, value) => {
    expect(values(text, 'name_with_sensitive')).toContain(value);
  });

  it.each([
    ['Ibrahim uit 4c heeft een nieuwe, zijn insta: ibo.drills07', 'Ibrahim'],
    ['wie kent Fenna Smit? haar snap is fenna.k_ 😂 stuur haar maar wat', 'Fenna Smit'],
    ["Noah's instagram is noah.vdb_2012, voeg hem toe", 'Noah'],
    // A given name in lower case is the owner too; an everyday word is not ("roos").
    ['kijk de tiktok van sven uit 2b, @svenniee_2011 hij danst zo slecht', 'sven'],
    ['de insta van anouk uit 2havo is @anouk_xo.12', 'anouk'],
    ['de insta met een roos uit 2havo is @bloemetje_xo.12', '@bloemetje_xo.12'],
    // A class after a pronoun makes no pupil's name of it.
    ['Iedereen van 1C: volg haar op TikTok, ze heet daar @lisavl_2012', '@lisavl_2012'],
    ['Jordy van 3c, zijn insta is @jordy_2011', 'Jordy'],
    // A verb that opens a question is no owner: the girl named before it is.
    ['Zaterdag wordt Noor 13! Wil je haar feliciteren? Ze heeft sinds kort haar eigen Insta: @noor_2013', 'Noor'],
  ])('names the owner when the sentence does: %j', (text, value) => {
    expect(values(text, 'name_with_sensitive')).toEqual([value]);
  });

  it.each([
    ['Snapchat van 2b: Mila @mila.2b, Daan @daan_xx12, Sanne @sanne.b', ['Mila', 'Daan', 'Sanne']],
    ['op tiktok uit groep 8: Yara (@yara.dance) en Jesse uit 8b (@jesse_2013)', ['Yara', 'Jesse']],
  ])('gives each handle the name right before it: %j', (text, names) => {
    expect(values(text, 'name_with_sensitive')).toEqual(names);
  });

  it.each([
    'Volg ons op Instagram: @obsdelinde voor alle foto’s van de sportdag',
    'volg mij op insta @mila.art voor mijn tekeningen',
    '@moeder_van_3 Ja hoor, haar snap werkt weer',
    '@school.bsky.social zijn tiktok was grappig',
    'Het account van de bieb is @bibliotheek_zeist, zij organiseren de voorleeswedstrijd',
    'Mail hem op jan.devries@example.nl, niet via zijn insta',
    'Zijn Mastodon-account is @leraar@mastodon.nl',
    'Het nieuwe profiel van de gemeente staat op @gemeente.utrecht',
    'haar insta is privé, dus dat gaat niet',
  ])('leaves %j alone', (text) => {
    expect(values(text, 'name_with_sensitive').filter((v) => /[@_.\d]/.test(v))).toEqual([]);
  });

  it.each([
    'Een leerling van een school in Arnhem is opgepakt na een dreigbericht op Snapchat. Eng hoor',
    'Die Anouk moet echt niet meer op haar insta posten. Ze doet zo raar',
    'Ik heb met mijn zoon de instellingen van zijn Insta doorgelopen. Zijn account staat nu op privé',
  ])('takes no ordinary word after a platform word for a handle: %j', (text) => {
    const out: Candidate[] = [];
    findHandles(text, out);
    expect(out).toEqual([]);
  });
});
