// Training corpus for the offensive model, written for uitkijk (not taken from the dev files):
// short Dutch texts as pupils, parents and staff write them, in two classes. Bullying,
// humiliation, mocking, sexual remarks, insults and hate on one side; school chatter,
// criticism without insult, positive slang, idioms, counter-speech and news on the other.
// `{n}` is replaced by a few invented first names so the model learns the frame, not the name.

const NAMES = ['Sanne', 'Mehmet', 'Jesse', 'Noa', 'Daan', 'Yara'];

const OFFENSIVE_RAW = `
{n} is zo lelijk dat niemand met haar wil praten
{n} stinkt echt, ga niet naast hem zitten
haha kijk {n} weer met die afgedankte kleren van zijn broer
niemand vindt {n} leuk, ze moet gewoon van school af
we gaan {n} allemaal negeren vanaf morgen
wie wil er in de groep tegen {n}? alleen echte haters
{n} is echt de sukkel van de klas
{n} denkt dat ze mooi is maar ze lijkt op een paard
{n} huilt weer, wat een zielig kind
kijk die vette {n} weer eten in de pauze
{n} heeft geen vrienden en dat snap ik wel
iedereen lacht {n} uit en terecht
{n} moet gewoon dood neervallen van schaamte haha
stuur die foto van {n} in de douche maar door
{n} is een slet, ze heeft met iedereen gezoend
{n} kan beter thuisblijven, niemand mist haar
lol {n} met z'n beugel en pukkels, echt een monster
zet die video van {n} die valt in de klassenapp
{n} is gewoon een loser zonder vrienden
{n} is te dom om te poepen
we hebben een meme gemaakt van {n} zijn hoofd
wat een kneus is die {n}, kan niet eens praten
{n} d'r moeder werkt bij de Action hahaha armoede
{n} ruikt naar zweet en uien, gatver
die nieuwe jongen is een huilebalk, wat een watje
die mentor is een waardeloze vent die niks kan
wat een incompetente juf, echt niet normaal dom
die leraar is gewoon een achterlijke idioot
meester is een luie zak die alleen maar koffie drinkt
de directeur is een leugenaar en een lafaard
die conciërge is echt een klootzak
juf is een heks, iedereen haat haar
die gymleraar is een perverse viezerik
wat een stelletje prutsers bij die school
die school is een kutzooi vol debielen
lyceum oost is een schijtschool met schijtleraren
jullie zijn allemaal zo dom als het achtereind van een koe
die docenten kunnen de pot op
wat een kankerschool is het ook
tering juf met haar stomme regels
kanker op met je huiswerk
klere leraar, altijd maar zeuren
wat een tyfuslijer is die meester
die vent van de kantine is een vuile hond
rot toch op met je regels, eikel
je bent een hoer en dat weet iedereen
jij bent zo lelijk, niemand wil jou
jij bent echt een mislukkeling
hou je bek, vieze trut
je moeder is een hoer
jij bent echt de domste persoon die ik ken
jij bent een schande voor de klas
ga toch weg jij stinkend varken
wat ben jij een achterlijke aap
je bent zo vet dat je niet door de deur past
ik kots van jou
ik haat die juf met heel mijn hart
we haten allemaal die nieuwe stagiair
die juf met haar hoofddoek moet terug naar haar land
moslims horen niet op onze school
al die buitenlanders verpesten de klas
homo's moeten niet zo zeuren, het zijn gewoon viezeriken
transgenders zijn gestoord in hun hoofd
die Marokkaantjes zijn allemaal dieven
zwarten zijn minder slim, dat is gewoon zo
vluchtelingen zijn parasieten
joden zijn geldwolven
gehandicapten horen in een tehuis, niet in de klas
meisjes kunnen geen wiskunde, ze zijn te dom
vrouwen horen in de keuken
die juf heeft een lekker kontje
lekkere juf, ik zou haar wel willen
die stagiaire heeft mooie tieten
stuur je me een sexy foto van jezelf
wie heeft naaktfoto's van die meiden uit 3B
die meiden uit de tweede zijn echt geil
stuur nudes of ik vertel het iedereen
ik wil wel met juf naar bed
wat een lekker ding is die nieuwe lerares
die van 2A is een sloerie, ze doet het met iedereen
kijk eens naar haar billen in die legging
laat je borsten eens zien
die klas is een stel apen
die brugklassers zijn echt kakkerlakken
de leerlingen van die school zijn tuig
wat een tokkies zijn die ouders
die ouderraad is een stel graaiende zakkenvullers
het bestuur bestaat uit hersenloze idioten
de directie is een stel incompetente clowns
die juf is een dikke koe
dat stomme wijf van de administratie
die mentor is een mongool
meester is een randdebiel
die rector is een arrogante kwal
wat een sukkels werken daar zeg
stelletje idioten bij de receptie
die gast is een kankerlijer
kkr school met kkr leraren
kk juf met haar kk toetsen
tyfus regels op die school
pleuris op met je school
kutleraar heeft me weer eruit gestuurd
die nieuwe is een tyfusmongool
ik spuug op die school en al die leraren
die school moet dicht, het zijn allemaal pedo's
meester is een pedo, let op je kinderen
dikke Bram heeft weer alles opgevreten
die van 1C is zo'n bolle, hij rolt de gang door
moet je die uilenbril van Fenna zien hahaha
zelfs haar eigen moeder wil haar niet
ze is zo arm dat ze haar kleren uit de container haalt
hij is zo dom als een deur
hahaha die loser van een Timo faalt weer
niemand kwam op het feestje van Lieke want niemand mag haar
`;

const CLEAN_RAW = `
{n} heeft echt mooi gezongen op de musical
{n} was vandaag jarig, gefeliciteerd!
dankjewel {n} voor het helpen bij de sportdag
{n} heeft de eerste prijs gewonnen met haar tekening
ik zit naast {n} bij wiskunde, ze legt het goed uit
weet iemand of {n} morgen ook meegaat op excursie?
{n} is ziek thuis, beterschap!
{n} en ik gaan samen het werkstuk maken
wat een mooie foto van de klas
dank aan alle juffen en meesters voor dit jaar
de musical was geweldig, petje af
super georganiseerd, de kinderen hebben genoten
hoe laat begint de ouderavond morgen?
is de gymles buiten of binnen?
wanneer komen de rapporten online?
moeten we een lunchpakket meenemen?
weet iemand waar ik de boekenlijst kan vinden?
waar kan ik mijn kind ziek melden?
ik vind het nieuwe rooster slecht geregeld
de communicatie van de school kan echt beter
jammer dat de kerstviering overdag is
ik ben het niet eens met het nieuwe telefoonbeleid
de ouderbijdrage is te hoog voor veel gezinnen
drie tussenuren op een dag is echt niet handig
ik mis een duidelijke uitleg over de nieuwe regels
graag een gesprek over de begeleiding van mijn zoon
het parkeren bij school is elke ochtend een drama
dit is zo lit haha
die nieuwe hoodies zijn echt hard
echt een banger dat schoollied
jullie zijn echt goated
vet mooi geworden die muurschildering
dikke prima dit
wat een sfeer vandaag op het schoolplein
om te janken zo mooi dat filmpje
dat was echt sick gisteren
die kantine is echt de bom
wreed goed gedaan gasten
ik ga dood van het lachen om die video
die toets was echt moord
we maken ze af in de finale
die docent heeft ons afgemaakt met dat proefwerk
ik schiet in de stress van al die toetsen
mijn moeder vermoordt me als ze mijn cijfer ziet
we hebben ze ingemaakt met voetbal
ik kan mijn broertje wel schieten
deze week heeft me gesloopt
shit, gymtas vergeten
verdorie, weer de inschrijving gemist
damn dat ging snel
potverdorie wat was het koud
fuck, vergeten dat het studiedag is
balen, de excursie gaat niet door
pfff wat een lange dag
jeetje wat een rij bij de kantine
het is niet oké om iemand een idioot te noemen
schelden hoort hier niet, hou het netjes
'kanker' is geen scheldwoord, er zijn mensen die er echt aan lijden
iemand schreef dat de juf een heks is, dat is gewoon respectloos
wie 'homo' als scheldwoord gebruikt moet zich schamen
ik heb het gemeld bij de mentor, dit is pesten
zeggen dat vluchtelingen parasieten zijn is walgelijk
het is echt niet normaal hoe er over die juf wordt gepraat
pesten is nooit grappig, zeg er iets van
dit soort taal hoort niet op een pagina waar kinderen meelezen
ik haat vrouwen niet, ik heb respect voor iedereen
niemand verdient het om gepest te worden
goed dat de school aandacht besteedt aan de week tegen pesten
mijn dochter werd uitgescholden, ik heb het aan de school gemeld
de politie onderzoekt een vechtpartij bij de school
rechtbank veroordeelt man voor bedreiging van een leraar
wethouder wil meer vertrouwenspersonen op scholen
na de inbraak zijn de laptops vervangen
de brand in het fietsenhok is geblust, niemand gewond
ik hou van mijn school
moslims vieren vandaag het suikerfeest, fijne dag
de juf met hoofddoek is echt een lieverd
homo's en lesbiennes zijn welkom op onze school
paarse vrijdag was een mooi feest
mijn zoon heeft autisme en krijgt extra begeleiding
er zitten veel kinderen van vluchtelingen in de klas, ze leren snel Nederlands
vrouwen in de techniek, wat een goed initiatief
de nieuwe conciërge is echt een schat
meester Youssef is de beste gymleraar
die stagiaire doet het echt goed met de klas
lekker weer voor de sportdag
lekker gegeten op de kerstmarkt
de kinderen hebben lekker gespeeld
heerlijke taart van de ouderraad
de juf heeft een mooie jurk aan voor het feest
wat een schattige foto's van de kleuters
de koe op de kinderboerderij heet Bella
de kleuters gingen naar de dierentuin
de apen in de dierentuin waren de favoriet
hij is echt een beest op het voetbalveld
wat een beest, kampioen op de 1000 meter
dat was een gekke dag
zak met snoep voor de sinterklaasviering
mijn zoon is zijn gymzak kwijt
de pot met geld voor het schoolreisje is vol
de kankerbestrijding krijgt de opbrengst van de sponsorloop
mijn oma heeft kanker, denk aan haar
de klas zamelt geld in voor KWF
we lopen voor de strijd tegen kanker
ik wil niemand de schuld geven
ik snap dat niemand in de regen wil rennen
niemand heeft de ouders iets gevraagd
de bus was te laat en niemand wist ervan
ze is soms een beetje lui met haar huiswerk
mijn zoon is soms wat lui, herkenbaar?
de kinderen waren vies van het modderparcours
de jongens waren smerig na het voetballen
hij is gek op dinosaurussen
ze werden helemaal gek van de suiker op het feest
mijn dochter vond het eerst stom om mee te gaan
onze zoon is de slimste niet maar hij doet zijn best
{n} was boos omdat de wedstrijd niet doorging
de juf was boos omdat niemand huiswerk had
{n} heeft een nieuwe bril en ziet er leuk uit
{n} lachte de hele dag, wat een vrolijk kind
`;

function expand(raw: string): string[] {
  const out: string[] = [];
  for (const line of raw.split('\n')) {
    const s = line.trim();
    if (!s) continue;
    if (s.includes('{n}')) for (const n of NAMES.slice(0, 3)) out.push(s.replaceAll('{n}', n));
    else out.push(s);
  }
  return out;
}

export const OFFENSIVE: readonly string[] = expand(OFFENSIVE_RAW);
export const CLEAN: readonly string[] = expand(CLEAN_RAW);
