/**
 * Why a resident may use a service (категорія отримувача): only what eligibility needs, no
 * diagnosis and no document numbers. A hromada's rules list the categories each service serves
 * (`rules.eligibleCategories`).
 */
export const residentCategories = [
  /** особа з інвалідністю I групи */
  'disability-1',
  /** особа з інвалідністю II групи */
  'disability-2',
  /** особа з інвалідністю III групи */
  'disability-3',
  /** дитина з інвалідністю */
  'disabled-child',
  /** особа віком 80+ */
  'aged-80-plus',
  /** самотній пенсіонер */
  'pensioner-alone',
  /** ветеран війни */
  'veteran',
  /** внутрішньо переміщена особа */
  'idp',
] as const;
export type ResidentCategory = (typeof residentCategories)[number];

/** The words a dispatcher reads for each category (refusal reasons, the console). */
export const categoryLabels: Record<ResidentCategory, string> = {
  'disability-1': 'інвалідність I групи',
  'disability-2': 'інвалідність II групи',
  'disability-3': 'інвалідність III групи',
  'disabled-child': 'дитина з інвалідністю',
  'aged-80-plus': 'вік 80+',
  'pensioner-alone': 'самотній пенсіонер',
  veteran: 'ветеран війни',
  idp: 'ВПО',
};

/**
 * The social taxi's eligible groups by default: people with a disability who cannot get about on
 * their own or use a wheelchair (groups I and II, children), and the very old.
 */
export const SOCIAL_TAXI_DEFAULT_CATEGORIES: ResidentCategory[] = [
  'disability-1',
  'disability-2',
  'disabled-child',
  'aged-80-plus',
];
