// What the console holds between actions: one object, shared by every module.

export const state = {
  hromada: '',
  date: '',
  plan: undefined,
  residents: new Map(),
  plates: new Map(),
  settlements: [],
  caller: undefined,
  /** The hromada whose day is on screen. */
  shown: undefined,
};

/** Request id → resident id, for naming the stops of a plan. */
export const requestResidents = new Map();
export const stopResident = (stop) => requestResidents.get(stop.requestId);

/** The API path of the hromada asked for. */
export const base = () => `/hromady/${encodeURIComponent(state.hromada)}`;
