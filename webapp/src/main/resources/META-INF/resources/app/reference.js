/*
 * Reference data the apps need even without a network: the category catalog (an inspector chooses a category
 * offline) and the district outlines of the map. Each is fetched once per session and kept in localStorage.
 */
import { get } from './api.js';

const memory = {};

async function cached(name, path) {
  if (memory[name]) return memory[name];
  const storageKey = 'cityloop.ref.' + name;
  try {
    memory[name] = await get(path, { background: true });
    try { localStorage.setItem(storageKey, JSON.stringify(memory[name])); } catch (e) { /* full: keep in memory only */ }
  } catch (e) {
    const kept = localStorage.getItem(storageKey);
    if (!kept) throw e;
    memory[name] = JSON.parse(kept);
  }
  return memory[name];
}

export const categoryTree = () => cached('categories', '/api/reference/categories');
export const districtOutlines = () => cached('districts', '/api/reference/grid/districts');
export const units = () => cached('units', '/api/reference/units');
export const districts = () => cached('districtList', '/api/reference/districts');

let settings = null;
/** The gateway's settings for the apps (base tiles and the map's home view). */
export async function appConfig() {
  if (settings) return settings;
  try {
    const response = await fetch('/app-config.json', { cache: 'no-store' });
    settings = response.ok ? await response.json() : {};
  } catch (e) {
    settings = {};
  }
  return settings;
}

/** Every minor category, flattened, with its type and class names for search. */
export function flatten(tree) {
  const all = [];
  for (const type of tree.types || []) {
    for (const major of type.majors || []) {
      for (const minor of major.categories || []) {
        all.push({ ...minor, typeCode: type.code, typeName: type.name, majorCode: major.code, majorName: major.name });
      }
    }
  }
  return all;
}
