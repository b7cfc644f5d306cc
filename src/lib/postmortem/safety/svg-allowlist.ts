/**
 * What a published SVG may contain: the elements and attributes of a static
 * picture (shapes, text, paint servers, clipping, masking, markers, filters).
 * svg-check.ts writes out only these; everything that could run, load or link
 * is in SVG_REFUSED_ELEMENTS and refused outright.
 */
const words = (text: string) => new Set(text.trim().split(/\s+/));

export const SVG_ELEMENTS = words(`
  svg g defs symbol use title desc switch path rect circle ellipse line polyline polygon text tspan textPath image
  linearGradient radialGradient stop pattern clipPath mask marker filter feBlend feColorMatrix feComponentTransfer
  feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB
  feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting
  feSpotLight feTile feTurbulence
`);

/** Elements refused with a message rather than left out: a picture that needs them would not look as its author meant. */
export const SVG_REFUSED_ELEMENTS = words(`
  script style foreignObject a animate animateMotion animateTransform animateColor set mpath discard handler listener
  iframe video audio canvas font font-face font-face-src font-face-uri cursor view
`);

/** Geometry and structure attributes (the presentation attributes are SVG_CSS_PROPERTIES). */
export const SVG_ATTRIBUTES = words(`
  id class x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height d points pathLength transform viewBox preserveAspectRatio
  dx dy rotate textLength lengthAdjust startOffset method spacing side
  gradientUnits gradientTransform spreadMethod offset patternUnits patternContentUnits patternTransform
  clipPathUnits maskUnits maskContentUnits markerWidth markerHeight markerUnits refX refY orient
  filterUnits primitiveUnits in in2 result stdDeviation mode operator k1 k2 k3 k4 type values tableValues slope intercept
  amplitude exponent kernelMatrix order divisor bias targetX targetY edgeMode preserveAlpha surfaceScale diffuseConstant
  specularConstant specularExponent kernelUnitLength azimuth elevation pointsAtX pointsAtY pointsAtZ
  limitingConeAngle scale xChannelSelector yChannelSelector radius baseFrequency numOctaves seed stitchTiles
`);

/**
 * Presentation properties, as attributes (`fill="red"`) or in a style attribute (`style="fill:red"`).
 * Left out on purpose: `cursor` (loads an image), `content`, `background*`, `list-style*`, `src`, custom properties.
 */
export const SVG_CSS_PROPERTIES = words(`
  fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin stroke-miterlimit
  stroke-dasharray stroke-dashoffset opacity color display visibility overflow font-family font-size font-weight
  font-style font-variant font-stretch text-anchor dominant-baseline alignment-baseline baseline-shift letter-spacing
  word-spacing text-decoration writing-mode direction clip-path clip-rule mask filter marker marker-start marker-mid
  marker-end stop-color stop-opacity flood-color flood-opacity lighting-color color-interpolation
  color-interpolation-filters shape-rendering text-rendering image-rendering paint-order vector-effect mix-blend-mode
  isolation line-height white-space
`);

/** CSS functions a value may call: colours and transforms (`url(#id)` is checked on its own). */
export const SVG_FUNCTIONS = words(`
  rgb rgba hsl hsla matrix translate translatex translatey scale scalex scaley rotate skewx skewy
`);
