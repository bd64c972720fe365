import factBase from '~/data/factbase.json';

export function PopupApp() {
  return (
    <main class="popup">
      <h1>Caspian Lens</h1>
      <input type="search" aria-label="Search the fact base" placeholder="Search names, places, agreements…" autoFocus />
      <p>{factBase.entities.length} entities in the fact base.</p>
    </main>
  );
}
