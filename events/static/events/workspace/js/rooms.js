// Session forms: offer only the rooms of the chosen venue. Without JavaScript the list shows
// every room grouped by venue, and the server refuses a room of another venue.

/**
 * Show the room groups (optgroups labelled like the venue options) of the chosen venue only.
 * @param {HTMLSelectElement} venue the "Ort" select
 * @param {HTMLSelectElement} room the "Raum" select
 */
export function limitRoomsToVenue(venue, room) {
  const sync = () => {
    const chosen = venue.value ? venue.selectedOptions[0].textContent.trim() : null;
    for (const group of room.querySelectorAll("optgroup")) {
      const offered = chosen === null || group.label === chosen;
      group.hidden = !offered;
      group.disabled = !offered;
    }
    if (room.selectedOptions[0]?.parentElement.disabled) {
      room.value = "";
    }
  };
  venue.addEventListener("change", sync);
  sync();
}

const venue = document.querySelector("select[name=venue]");
const room = document.querySelector("select[name=room]");
if (venue && room) {
  limitRoomsToVenue(venue, room);
}
