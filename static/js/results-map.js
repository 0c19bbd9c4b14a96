// The directory's results on a map, below the list that says the same in words. The page sends
// the map only when a tile server is set and a result has a venue, and keeps it hidden: it is
// shown once Leaflet (loaded by the map's own include) has drawn it, so without JavaScript, or
// if anything fails, the page is the list alone.

// Leaflet's default marker, whose images the page names (their stored names are hashed).
const MARKER = {
  iconSize: [25, 41],
  iconAnchor: [12, 41],
  popupAnchor: [1, -34],
  shadowSize: [41, 41],
};
// A group of markers too close to tell apart, or to click apart, drawn over the same ground.
const GROUP = { iconSize: [40, 40], iconAnchor: [20, 40] };
// Markers nearer than this (in pixels, across and down) are shown as one group, so that every
// marker is a whole target at least 24 pixels square (WCAG 2.2, 2.5.8).
const APART = 48;
// Room for the zoom buttons (top left) and the credits (bottom right) around the markers.
const FIT = { paddingTopLeft: [56, 56], paddingBottomRight: [24, 32] };

function element(tag, className, text) {
  const made = document.createElement(tag);
  made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

function serviceLink(place) {
  const link = element("a", "govuk-link", place.name);
  link.href = place.url;
  return link;
}

function popupFor(place) {
  const content = document.createElement("div");
  content.append(serviceLink(place), element("p", "govuk-body-s govuk-!-margin-0", place.town));
  return content;
}

function listFor(places) {
  const list = element("ul", "govuk-list govuk-!-margin-0");
  for (const place of places) {
    const item = element("li", "govuk-!-margin-bottom-1");
    const town = place.town ? `, ${place.town}` : "";
    item.append(serviceLink(place), element("span", "govuk-body-s", town));
    list.append(item);
  }
  return list;
}

// Markers in the list's order, each in the first group whose first marker is near it.
function groupsAt(map, places) {
  const groups = [];
  for (const place of places) {
    const point = map.latLngToLayerPoint(place.position);
    const near = groups.find(
      (group) =>
        Math.abs(group.point.x - point.x) < APART && Math.abs(group.point.y - point.y) < APART,
    );
    if (near) near.places.push(place);
    else groups.push({ point, places: [place] });
  }
  return groups;
}

// Enter (Leaflet's own, for a marker with a popup) or Space opens a popup, with the focus on its
// first link; Escape in the popup closes it and puts the focus back on its marker.
function onKeys(marker, activate) {
  marker.on("keypress", ({ originalEvent }) => {
    if (originalEvent.key !== " " && (originalEvent.key !== "Enter" || !activate)) return;
    originalEvent.preventDefault();
    if (activate) activate(true);
    else marker.openPopup();
  });
}

function focusPopups(map, mapElement) {
  let opener = null;
  map.on("popupopen", ({ popup }) => {
    const focused = document.activeElement;
    opener = focused.classList.contains("leaflet-marker-icon") ? focused : null;
    if (opener) popup.getElement().querySelector("a").focus();
  });
  mapElement.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !opener || !event.target.closest(".leaflet-popup")) return;
    map.closePopup();
    opener.focus();
  });
}

export function initResultsMap() {
  const container = document.querySelector('[data-module="app-results-map"]');
  const data = document.getElementById("results-map-data");
  const L = window.L;
  if (!container || !data || !L) return;
  const { tiles, icons, markers: places } = JSON.parse(data.textContent);
  if (!tiles.url || places.length === 0) return;

  container.hidden = false;
  try {
    const mapElement = container.querySelector(".app-results-map__map");
    const map = L.map(mapElement, { scrollWheelZoom: false, dragging: !L.Browser.mobile });
    L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
    const icon = L.icon({
      iconUrl: icons.icon,
      iconRetinaUrl: icons.icon_2x,
      shadowUrl: icons.shadow,
      ...MARKER,
    });
    const shown = L.layerGroup().addTo(map);
    // A popup fits beside the zoom buttons, however narrow the map.
    const popup = (options) => ({
      maxWidth: Math.max(120, mapElement.clientWidth - 110),
      autoPanPaddingTopLeft: [54, 10],
      ...options,
    });
    let focusWithin = null; // after a group is opened with the keyboard: where the focus goes

    const single = (place) => {
      const title = place.town ? `${place.name}, ${place.town}` : place.name;
      const marker = L.marker(place.position, { icon, title, alt: title, keyboard: true });
      marker.bindPopup(popupFor(place), popup());
      onKeys(marker);
      return marker;
    };

    const group = ({ places: members }) => {
      const bounds = L.latLngBounds(members.map((place) => place.position));
      const count = element("span", "", String(members.length));
      count.dataset.count = members.length;
      count.append(element("span", "govuk-visually-hidden", " short breaks here: show them"));
      const marker = L.marker(members[0].position, {
        icon: L.divIcon({ html: count, className: "app-results-map__group", ...GROUP }),
        title: `${members.length} short breaks here`,
        keyboard: true,
      });
      // Zoom in until they come apart; where they cannot (one place), list them in a popup.
      const activate = (byKeyboard) => {
        const atOnePlace = bounds.getNorthEast().equals(bounds.getSouthWest());
        if (atOnePlace || map.getZoom() >= map.getMaxZoom()) {
          L.popup(popup({ offset: [0, -30] })) // just above the group
            .setLatLng(members[0].position)
            .setContent(listFor(members))
            .openOn(map);
          return;
        }
        focusWithin = byKeyboard ? bounds : null;
        map.fitBounds(bounds, { ...FIT, maxZoom: map.getMaxZoom() });
      };
      marker.on("click", () => activate(false));
      onKeys(marker, activate);
      return marker;
    };

    const draw = () => {
      shown.clearLayers();
      const markers = groupsAt(map, places).map((each) =>
        each.places.length === 1 ? single(each.places[0]) : group(each),
      );
      for (const marker of markers) shown.addLayer(marker);
      if (focusWithin) {
        const first = markers.find((marker) => focusWithin.contains(marker.getLatLng()));
        (first ? first.getElement() : mapElement).focus();
        focusWithin = null;
      }
    };

    focusPopups(map, mapElement);
    map.on("zoomend", draw);
    map.fitBounds(L.latLngBounds(places.map((place) => place.position)), { ...FIT, maxZoom: 15 });
    if (shown.getLayers().length === 0) draw();
  } catch (error) {
    container.hidden = true;
    throw error;
  }
}
