// A small parallel corpus: synthesized transcripts draw from it, and "translation" maps a line to the
// same line in the target language, so outputs read like real subtitles in the demo.
const PHRASES: Record<string, readonly string[]> = {
  en: [
    "Welcome back to the show, everyone.",
    "Today we are talking about how the product came together.",
    "Let's start with the problem we set out to solve.",
    "Most teams were doing this work by hand.",
    "That took days, and it was easy to get wrong.",
    "So we built a first version in a couple of weeks.",
    "The feedback from early users was honest.",
    "They wanted it faster, and they wanted it simpler.",
    "Here is what the new workflow looks like.",
    "You upload a file and the rest happens on its own.",
    "We will come back to pricing in a minute.",
    "Thanks for watching, and see you next time.",
  ],
  es: [
    "Bienvenidos de nuevo al programa.",
    "Hoy hablamos de cómo nació el producto.",
    "Empecemos por el problema que queríamos resolver.",
    "La mayoría de los equipos hacía este trabajo a mano.",
    "Llevaba días y era fácil equivocarse.",
    "Así que construimos una primera versión en un par de semanas.",
    "Los primeros usuarios fueron sinceros con sus comentarios.",
    "Lo querían más rápido y más sencillo.",
    "Así es el nuevo flujo de trabajo.",
    "Subes un archivo y todo lo demás ocurre solo.",
    "Volveremos a los precios en un minuto.",
    "Gracias por vernos, hasta la próxima.",
  ],
  fr: [
    "Bon retour dans l'émission, tout le monde.",
    "Aujourd'hui, nous parlons de la naissance du produit.",
    "Commençons par le problème que nous voulions résoudre.",
    "La plupart des équipes faisaient ce travail à la main.",
    "Cela prenait des jours et les erreurs étaient faciles.",
    "Nous avons donc construit une première version en deux semaines.",
    "Les premiers utilisateurs ont été francs.",
    "Ils le voulaient plus rapide et plus simple.",
    "Voici à quoi ressemble le nouveau flux de travail.",
    "Vous déposez un fichier et le reste se fait tout seul.",
    "Nous reviendrons sur les tarifs dans une minute.",
    "Merci de nous avoir suivis, à la prochaine.",
  ],
  de: [
    "Willkommen zurück in der Sendung.",
    "Heute sprechen wir darüber, wie das Produkt entstanden ist.",
    "Beginnen wir mit dem Problem, das wir lösen wollten.",
    "Die meisten Teams haben das von Hand erledigt.",
    "Das dauerte Tage und war fehleranfällig.",
    "Also bauten wir in zwei Wochen eine erste Version.",
    "Die ersten Nutzer waren ehrlich.",
    "Sie wollten es schneller und einfacher.",
    "So sieht der neue Arbeitsablauf aus.",
    "Sie laden eine Datei hoch, der Rest passiert von selbst.",
    "Auf die Preise kommen wir gleich zurück.",
    "Danke fürs Zuschauen und bis zum nächsten Mal.",
  ],
};

export const PHRASE_COUNT = PHRASES.en.length;

function bankFor(language: string | undefined): readonly string[] | undefined {
  return language ? PHRASES[language.toLowerCase().split("-")[0]] : undefined;
}

/** Phrase `index` in `language`; languages outside the corpus get the English line, tagged. */
export function phrase(index: number, language: string | undefined): string {
  const bank = bankFor(language ?? "en");
  const english = PHRASES.en[index % PHRASE_COUNT];
  if (bank) return bank[index % PHRASE_COUNT];
  return `[${language}] ${english}`;
}

/** Translates one subtitle line: a corpus line maps to its counterpart, anything else is tagged. */
export function translateLine(line: string, targetLanguage: string): string {
  for (const bank of Object.values(PHRASES)) {
    const index = bank.indexOf(line);
    if (index >= 0) return phrase(index, targetLanguage);
  }
  return `[${targetLanguage}] ${line}`;
}
