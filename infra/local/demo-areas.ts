/**
 * The oblast and raion of each demo hromada, as air-raid alerts name them (`oblastId`, `raionId`
 * on the hromada card; shared/app/air-raid/air-raid-area.ts): their KATOTTG codes.
 *
 * Source: the KATOTTG codifier (Кодифікатор адміністративно-територіальних одиниць та територій
 * територіальних громад, наказ Мінрегіону № 290 від 26.11.2020), edition of 02.07.2025 as published
 * in github.com/bnotezz/ua-settlements, assets/kodifikator/kodifikator-02-07-2025.csv — the same
 * edition the demo's settlements come from (infra/local/demo-data/ATTRIBUTION.md). Its rows:
 *   UA05000000000010236;;;;;O;Вінницька
 *   UA05000000000010236;UA05020000000026686;;;;P;Вінницький
 *   UA05000000000010236;UA05120000000017020;;;;P;Хмільницький
 *   …;UA05120000000017020;UA05120170000013778;;;H;Хмільницька
 *   …;UA05020000000026686;UA05020030000031457;;;H;Вінницька
 * A hromada's code begins with its raion's first six characters (Глуховецька UA05120010000076685
 * lies in Хмільницький, Турбівська UA05020290000092626 in Вінницький), but a raion's own code ends
 * with its own 7 digits, so the raions the demo uses are listed here.
 */
export const VINNYTSKA_OBLAST = 'UA05000000000010236';

/** The demo's raions by the first six characters of their codes. */
const RAIONS: Readonly<Record<string, string>> = {
  UA0502: 'UA05020000000026686', // Вінницький район
  UA0512: 'UA05120000000017020', // Хмільницький район
};

/** `{oblastId, raionId}` of the demo hromada with this KATOTTG code (none for a code outside the demo's oblast). */
export function demoAreas(katottg: string): { oblastId?: string; raionId?: string } {
  if (!katottg.startsWith('UA05')) return {};
  const raionId = RAIONS[katottg.slice(0, 6)];
  return { oblastId: VINNYTSKA_OBLAST, ...(raionId ? { raionId } : {}) };
}
