// The generated schools of the stream and matcher benches: names as Dutch school names are, numbered.

export const SCHOOL_NAMES = [
  'De Klimop',
  'De Regenboog',
  'Het Noordik',
  'De Wilgen',
  'Het Palet',
  'De Horizon',
  'De Zonnewijzer',
  'De Vlinder',
  'Sint Jozef',
  'De Kameleon',
  'Het Kompas',
  'De Fontein',
  'De Bron',
  'Het Baken',
  'De Ark',
];
export const schoolName = (i: number) => `${SCHOOL_NAMES[i % SCHOOL_NAMES.length]} ${i}`;
