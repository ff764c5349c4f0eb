// The report's words in Spanish, in the style of the Spanish versions of the Secretary-General's reports.
import type { Phrases } from './types.ts';

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
/** A count already formatted ("12", "1234"), or words such as "sin datos" when there is none. */
const counted = (s: string): number | null => (/^\d/.test(s) ? Number(s.replace(/\D/g, '')) : null);

export const es: Phrases = {
  title: 'Arreglos regionales para la promoción y protección de los derechos humanos',
  subtitle: 'Informe del Secretario General',
  headings: {
    introduction: 'Introducción',
    developments: 'Novedades por región',
    cooperation: 'Cooperación con la Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos',
    exchanges: 'Intercambio de información entre los órganos de las Naciones Unidas y los órganos regionales',
    obstacles: 'Obstáculos a la ratificación y estrategias para superarlos',
    implementation: 'Aplicación de la resolución',
    conclusions: 'Conclusiones y recomendaciones',
    annex: 'Fuentes de las cifras',
  },
  noData: 'sin datos',

  summary: (x) =>
    `En el presente informe se describe la situación de los arreglos regionales para la promoción y protección de los derechos humanos del ${x.start} al ${x.end}, en ${n(x.regions, 'región', 'regiones')}. El informe abarca ${n(x.organizations, 'organización regional', 'organizaciones regionales')}, ${n(x.instruments, 'instrumento regional', 'instrumentos regionales')} y ${n(x.mechanisms, 'mecanismo regional', 'mecanismos regionales')}; durante el período, los registros dan cuenta de ${x.newParties === 1 ? 'un caso' : `${x.newParties} casos`} en que un Estado pasó a ser parte en un instrumento. Se informa sobre la cooperación con la Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos, el intercambio de información, los obstáculos a la ratificación y la aplicación de la resolución, y se concluye con recomendaciones basadas en los datos. Cada cifra refleja la situación al ${x.end} según los datos disponibles en el momento de elaborarse el informe, y se indican sus fuentes.`,

  mandateLead: (x) =>
    `El presente informe se presenta en cumplimiento del párrafo ${x.paragraph} de la resolución ${x.symbol ? `${x.symbol} ` : ''}de la Asamblea General${x.adopted ? `, de ${x.adopted},` : ''} relativa a los arreglos regionales para la promoción y protección de los derechos humanos, en la que la Asamblea:`,
  mandateMissing: (why) => `No se ha podido citar el texto de la resolución en que se solicita el presente informe: ${why}.`,
  period: (x) => `El informe abarca el período comprendido entre el ${x.start} y el ${x.end}, fecha a la que se han calculado todas las cifras que figuran en él.`,
  method:
    'Las cifras proceden de los registros de los depositarios, las organizaciones regionales, las cortes y comisiones y la Oficina del Alto Comisionado, tal como constan en la plataforma Accord; cada una se basa en las fuentes enumeradas en el anexo. Todo hecho cuya fecha solo se conoce en parte, o que se basa en una fuente terciaria o en ninguna, se contabiliza aparte como incierto; todo hecho basado únicamente en fuentes secundarias se contabiliza y se indica como tal. Cuando los registros no contienen información, el informe lo señala: la ausencia de un registro no demuestra que no se haya adoptado ninguna medida.',
  regionsCovered: (x) => `Las regiones son las de los Códigos Uniformes de Países o Zonas para Uso Estadístico (M49) de las Naciones Unidas: ${x.regions}.`,

  regionStates: (x) => {
    const count = counted(x.states);
    return count === null
      ? `Número de Estados de la región de ${x.region} según los registros: ${x.states}.`
      : `Según los registros, la región de ${x.region} cuenta con ${x.states} ${count === 1 ? 'Estado' : 'Estados'}.`;
  },
  // Not "6 organizaciones…": a sentence does not open on a figure, least of all after a paragraph number.
  organizations: (x) => `${x.count === 1 ? 'Hay una organización regional que tiene' : `Hay ${x.count} organizaciones regionales que tienen`} Estados miembros en la región: ${x.list}.`,
  noOrganization: (x) => `Los registros no contienen ninguna organización regional con un Estado miembro en la región al ${x.date}.`,
  organization: (x) => {
    const count = counted(x.members);
    const members = count === null ? `miembros: ${x.members}` : `${x.members} ${count === 1 ? 'miembro' : 'miembros'}`;
    return `${x.name} (${members}, de los cuales ${x.inRegion} en la región${x.unverified ? `; ${n(x.unverified, 'condición de miembro sin verificar', 'condiciones de miembro sin verificar')}` : ''})`;
  },
  instruments: (x) =>
    x.count === 1
      ? `El instrumento de derechos humanos que esas organizaciones habían aprobado al final del período es el siguiente: ${x.list}.`
      : `Los instrumentos de derechos humanos que esas organizaciones habían aprobado al final del período son los siguientes: ${x.list}.`,
  noInstrument: (x) => `Los registros no contienen ningún instrumento regional de derechos humanos de esas organizaciones aprobado al ${x.date}.`,
  // "aprobación: …" rather than "aprobado/a el …": the title's gender is unknown and the date may be a year only.
  instrument: (x) =>
    `${x.title}${x.adopted ? ` (aprobación: ${x.adopted}; ${x.inForce ? `entrada en vigor: ${x.inForce}` : x.notYetInForce ? 'aún no estaba en vigor en esa fecha' : 'no consta su entrada en vigor'})` : ''}`,
  mechanisms: (x) =>
    x.count === 1 ? `Su mecanismo de promoción y protección de los derechos humanos: ${x.list}.` : `Sus ${x.count} mecanismos de promoción y protección de los derechos humanos: ${x.list}.`,
  noMechanism: (x) => `Los registros no contienen ningún mecanismo regional de derechos humanos de esas organizaciones establecido al ${x.date}.`,
  mechanism: (x) =>
    `${x.name}${x.established ? ` (establecimiento: ${x.established}${x.complaints ? '; examina denuncias individuales' : ''})` : x.complaints ? ' (examina denuncias individuales)' : ''}`,
  ratificationCaption: (x) => `Estados partes en la región de ${x.region}, al ${x.date}`,
  ratificationColumns: {
    instrument: 'Instrumento',
    parties: 'Estados partes',
    uncertain: 'Inciertos',
    atVienna: 'En la fecha de la Declaración de Viena (25 de junio de 1993)',
    beforePeriod: 'Antes del período',
    newInPeriod: 'Nuevos en el período',
    newSinceVienna: 'Nuevos desde 1993',
  },
  ratificationNote: (x) =>
    `En “Estados partes” se cuentan las partes cuyo acto tiene fecha exacta y se basa en una fuente oficial o secundaria; en “Inciertos”, aquellas cuya fecha solo se conoce en parte o cuya fuente es terciaria o falta. “Antes del período”: el día anterior al ${x.start}. “Sin datos”: los registros no contienen ninguna fuente sobre los participantes en el instrumento. “—”: el instrumento no se había aprobado el 25 de junio de 1993. Las mismas cifras: ${x.api}.`,
  newParties: (x) => `Del ${x.start} al ${x.end}, ${x.count === 1 ? 'un Estado de la región pasó a ser parte' : `${x.count} Estados de la región pasaron a ser partes`} en instrumentos: ${x.list}.`,
  noNewParty: (x) => `Los registros no indican que ningún Estado de la región pasara a ser parte en esos instrumentos entre el ${x.start} y el ${x.end}.`,
  newParty: (x) => `${x.state} (${x.instruments})`,
  uncertainMark: 'incierto',
  chartCaption: (x) => `Estados partes en los principales instrumentos de derechos humanos de las Naciones Unidas en la región de ${x.region}`,
  chartSeries: { atVienna: '25 de junio de 1993', atDate: (date) => date },
  chartMax: (x) => `Estados de la región: ${x.states}`,
  chartAlt: (x) =>
    `Gráfico de barras: para cada uno de los principales instrumentos de derechos humanos de las Naciones Unidas, número de Estados de la región de ${x.region} que eran partes en él el 25 de junio de 1993 y el ${x.date}.`,

  requests: (x) =>
    `Al ${x.date}, según los registros, la Oficina del Alto Comisionado había recibido ${n(x.total, 'solicitud', 'solicitudes')} de cooperación técnica (${x.byStatus}). En esa fecha, ${n(x.unanswered, 'solicitud estaba', 'solicitudes estaban')} a la espera de respuesta, ${x.overdue} de ellas con el plazo de respuesta vencido.`,
  noRequest: (x) => `Los registros no contienen ninguna solicitud de cooperación técnica recibida al ${x.date}; ello no demuestra que no se haya presentado ninguna.`,
  projects: (x) =>
    `Los registros contienen ${n(x.total, 'proyecto', 'proyectos')} de cooperación técnica, ${x.running} de ellos en ejecución entre el ${x.start} y el ${x.end}.${x.budget ? ` Sus presupuestos ascienden en total a ${x.budget}${x.disbursed ? `, de los cuales se habían desembolsado ${x.disbursed} al ${x.end}` : ''}.` : ''}`,
  noProject: (x) => `Los registros no contienen ningún proyecto de cooperación técnica al ${x.date}; ello no demuestra que no se haya ejecutado ninguno.`,
  events: (x) =>
    `Del ${x.start} al ${x.end}, se ${x.total === 1 ? `celebró ${x.total} curso de capacitación, taller u otra actividad` : `celebraron ${x.total} cursos de capacitación, talleres y otras actividades`}, ${x.counted === 0 ? '; los datos no indican el número de participantes' : x.counted === x.total ? `, con un total de ${n(x.participants, 'participante', 'participantes')}` : `; constan ${n(x.participants, 'participante', 'participantes')} en ${x.counted} de ellas`}.`,
  noEvent: (x) => `Los registros no contienen ningún curso de capacitación, taller u otra actividad celebrados entre el ${x.start} y el ${x.end}.`,
  eventCaption: (x) => `Actividades celebradas del ${x.start} al ${x.end}`,
  eventColumns: { title: 'Actividad', kind: 'Tipo', dates: 'Fechas', country: 'País', participants: 'Participantes' },
  presences: (x) =>
    `Al ${x.date}, ${n(x.open, 'presencia sobre el terreno de la Oficina estaba abierta', 'presencias sobre el terreno de la Oficina estaban abiertas')} (${x.list}), que abarcaban ${n(x.covered, 'Estado', 'Estados')}${x.uncertain ? `, ${x.uncertain} de ellos solo a partir de una fecha conocida en parte` : ''}.`,
  noPresence: (x) => `Los registros no contienen ninguna presencia sobre el terreno de la Oficina abierta al ${x.date}.`,

  exchanges: (x) =>
    `Del ${x.start} al ${x.end}, los registros contienen ${n(x.total, 'intercambio', 'intercambios')} de información entre los órganos de las Naciones Unidas y los órganos regionales (${x.byKind}).`,
  noExchange: (x) =>
    `Los registros no contienen ningún intercambio de información entre los órganos de las Naciones Unidas y los órganos regionales entre el ${x.start} y el ${x.end}; ello no demuestra que no haya habido ninguno.`,
  exchangeCaption: (x) => `Intercambios entre los órganos de las Naciones Unidas y los órganos regionales, del ${x.start} al ${x.end}`,
  exchangeColumns: { title: 'Intercambio', kind: 'Tipo', dates: 'Fechas', parties: 'Partes' },

  obstacles: (x) =>
    `Al ${x.date}, se ${x.total === 1 ? `había determinado ${x.total} obstáculo` : `habían determinado ${x.total} obstáculos`} a la ratificación (${x.byCategory}) y se ${x.strategies === 1 ? `había emprendido ${x.strategies} estrategia` : `habían emprendido ${x.strategies} estrategias`} para superarlos.`,
  noObstacle: (x) => `Los registros no contienen ningún obstáculo a la ratificación determinado al ${x.date}; ello no demuestra que no exista ninguno.`,
  obstacleExample: (x) =>
    `${x.state}, ${x.instruments} (${x.category}; determinación: ${x.identified}): ${x.description}${x.strategies ? ` Estrategias: ${x.strategies}.` : ' No consta ninguna estrategia.'}`,

  implementation: (x) =>
    `La resolución contiene ${n(x.total, 'solicitud o invitación', 'solicitudes e invitaciones')} de las que se hace un seguimiento en los registros. Al ${x.date}: ${x.byStatus}; con el plazo vencido: ${x.overdue}.`,
  implementationMissing: (why) => `No es posible informar sobre la aplicación de la resolución párrafo por párrafo: ${why}.`,
  implementationCaption: (x) => `Aplicación de la resolución, párrafo por párrafo, al ${x.date}`,
  implementationColumns: { paragraph: 'Párrafo', request: 'Solicitud', status: 'Estado', due: 'Vencimiento', answeredBy: 'Atendida por' },
  noAnswer: 'ninguna registrada',
  noDue: 'sin fecha fijada',

  conclusionsLead: (x) => `Los datos al ${x.date} indican lo siguiente.`,
  uncovered: (x) =>
    `Al ${x.date}, ${n(x.count, 'Estado de las regiones examinadas no está abarcado', 'Estados de las regiones examinadas no están abarcados')} por ningún mecanismo regional de derechos humanos: ${x.list}.`,
  noneUncovered: (x) => `Al ${x.date}, todos los Estados de las regiones examinadas están abarcados por al menos un mecanismo regional de derechos humanos.`,
  uncoveredRecommendation: (x) =>
    `Los Estados de las zonas en que todavía no existen arreglos regionales en la esfera de los derechos humanos tal vez deseen considerar la posibilidad de concertar acuerdos con miras a establecer mecanismos regionales adecuados${x.paragraph ? `, como los invitó a hacer la Asamblea General en el párrafo ${x.paragraph} de la resolución` : ''}.`,
  coverageIncomplete: (x) =>
    `Es posible que la cobertura esté subestimada en el caso de los siguientes mecanismos, cuyo alcance depende de datos sobre tratados que no figuran en los registros: ${x.list}.`,
  leastRatified: (x) => `En la región de ${x.region}, los instrumentos con menos Estados partes son: ${x.list}.`,
  leastRatifiedItem: (x) => `${x.instrument} (${x.parties} de ${x.states})`,
  leastRatifiedRecommendation:
    'Los Estados que aún no lo hayan hecho tal vez deseen considerar la posibilidad de ratificar esos instrumentos, con la asistencia técnica de la Oficina del Alto Comisionado y de las organizaciones regionales cuando se hayan determinado obstáculos a la ratificación.',
  unanswered: (x) =>
    `Al ${x.date}, ${n(x.count, 'solicitud de cooperación técnica estaba', 'solicitudes de cooperación técnica estaban')} a la espera de respuesta, ${x.overdue} de ellas con el plazo vencido.`,
  unansweredRecommendation: 'La Oficina del Alto Comisionado tal vez desee dar prioridad a la respuesta a esas solicitudes.',
  dataRecommendation:
    'Se alienta a las organizaciones regionales, los Estados y las instituciones nacionales de derechos humanos a que compartan sus registros fechados con la Oficina del Alto Comisionado, a fin de que puedan establecerse las cifras que en el presente informe se señalan como inciertas o faltantes.',
  mapCaption: (x) => `Estados abarcados por un mecanismo regional de derechos humanos, al ${x.date}`,
  mapAlt: (x) =>
    `Mapa mundial: al ${x.date}, ${n(x.covered, 'Estado abarcado', 'Estados abarcados')} por al menos un mecanismo regional de derechos humanos y ${n(x.uncovered, 'Estado no abarcado', 'Estados no abarcados')} por ninguno.`,
  mapLegend: { covered: 'Abarcado por un mecanismo regional', uncovered: 'No abarcado por ninguno' },

  annexLabel: 'Anexo',
  sourcesCaption: 'Fuentes de las cifras',
  sourcesColumns: { number: 'Núm.', source: 'Fuente', kind: 'Tipo', address: 'Dirección' },
  sourceKinds: { official: 'oficial', secondary: 'secundaria', tertiary: 'terciaria', unknown: 'desconocida' },
  seeSources: (x) => `Fuentes: anexo, ${/[ ,]/.test(x.numbers) ? 'núms.' : 'núm.'} ${x.numbers}.`,
  apiNote: (x) => `Las mismas cifras: ${x.api}.`,
};
